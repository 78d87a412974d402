package org.quotecheck.web;

import io.quarkus.qute.TemplateGlobal;
import org.quotecheck.user.Role;

import java.util.Arrays;
import java.util.List;

/** Values every template can use. */
@TemplateGlobal
public class Globals {

    private Globals() {
    }

    /** A choice in a select: the value sent and the label shown. */
    public record Option(String value, String label) {
    }

    /** The claim types, as the claim forms offer them. */
    static List<Option> claimTypes() {
        return List.of(new Option("DIRECT_QUOTE", "Direct quote"), new Option("PARTIAL_QUOTE", "Partial quote"),
                new Option("INDIRECT_QUOTE", "Reported speech"), new Option("STATEMENT", "Statement"));
    }

    /** The source types, as the source form offers them. */
    static List<String> types() {
        return org.quotecheck.source.SourcePages.types();
    }

    /** The ratings with their labels and descriptions, as the submit form offers them. */
    static List<org.quotecheck.review.workflow.Rating> ratings() {
        return List.of(org.quotecheck.review.workflow.Rating.values());
    }

    /** The role names, in the order forms list them. */
    static List<String> allRoles() {
        return Arrays.stream(Role.values()).map(Enum::name).toList();
    }
}

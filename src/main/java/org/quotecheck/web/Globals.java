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

    /** The role names, in the order forms list them. */
    static List<String> allRoles() {
        return Arrays.stream(Role.values()).map(Enum::name).toList();
    }
}

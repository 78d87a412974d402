package org.quotecheck.library;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;
import org.quotecheck.claim.ClaimService;
import org.quotecheck.claim.ClaimView;
import org.quotecheck.claim.extraction.ClaimType;
import org.quotecheck.user.Role;
import org.quotecheck.web.FormErrors;
import org.quotecheck.web.InvalidInputException;

import java.util.List;

/**
 * "Find in library": a claim (one click from the article and claim pages) or any words looked for in the latest
 * version of every source, each source that speaks of it shown with its passage in context and its verdict; for a
 * claim still being checked, one click saves a result as evidence.
 */
@io.quarkus.security.Authenticated
@Path("/library")
@Produces(MediaType.TEXT_HTML)
public class LibraryPages {

    @Inject
    LibraryService library;

    @Inject
    ClaimService claims;

    /** The search form as shown: the user's own input is always given back. */
    public record SearchForm(String text, String type) {
    }

    public record TypeOption(String value, String label) {
    }

    static final List<TypeOption> TYPES = List.of(new TypeOption("", "Quote or statement (words first, then meaning)"),
            new TypeOption("DIRECT_QUOTE", "Direct quote"), new TypeOption("PARTIAL_QUOTE", "Partial quote"),
            new TypeOption("INDIRECT_QUOTE", "Reported speech"), new TypeOption("STATEMENT", "Statement"));

    @CheckedTemplate(basePath = "library")
    static class Templates {
        static native TemplateInstance search(SearchForm form, List<TypeOption> types, ClaimView claim,
                                              LibraryService.Results results, FormErrors errors);
    }

    /** Results on the page: more than the API's default, so that a close contradiction is not cut off. */
    static final int PAGE_RESULTS = 10;

    @GET
    @RolesAllowed({Role.EDITOR_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME})
    public Response search(@RestQuery String text, @RestQuery String type, @RestQuery Long claimId) {
        ClaimView claim = claimId == null ? null : claims.find(claimId);
        SearchForm form = claim != null ? new SearchForm(claim.text(), claim.type().name())
                : new SearchForm(text == null ? "" : text, type == null ? "" : type);
        if (claim == null && (text == null || text.isBlank())) {
            return Response.ok(Templates.search(form, TYPES, null, null, FormErrors.NONE)).build();
        }
        try {
            ClaimType claimType = form.type().isBlank() ? null : ClaimType.parse(form.type())
                    .orElseThrow(() -> new InvalidInputException("type", "Choose one of the listed kinds of claim."));
            return Response.ok(Templates.search(form, TYPES, claim, library.search(form.text(), claimType, PAGE_RESULTS), FormErrors.NONE)).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(Templates.search(form, TYPES, claim, null, FormErrors.of(e))).build();
        }
    }
}

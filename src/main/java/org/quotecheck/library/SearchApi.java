package org.quotecheck.library;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.quotecheck.claim.extraction.ClaimType;
import org.quotecheck.library.LibraryJson.Result;
import org.quotecheck.library.LibraryJson.SearchRequest;
import org.quotecheck.library.LibraryJson.SearchResponse;
import org.quotecheck.library.LibraryJson.SourceRef;
import org.quotecheck.user.Role;
import org.quotecheck.web.InvalidInputException;

/** {@code POST /api/search}: where in the library a claim is, best first. Nothing is stored. */
@io.quarkus.security.Authenticated
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchApi {

    @Inject
    LibraryService library;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.EDITOR_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME})
    public SearchResponse search(SearchRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "Send {text, claimType?, limit?} as a JSON object.");
        }
        ClaimType type = null;
        if (request.claimType() != null && !request.claimType().isBlank()) {
            type = ClaimType.parse(request.claimType())
                    .orElseThrow(() -> new InvalidInputException("claimType", "Use DIRECT_QUOTE, PARTIAL_QUOTE, INDIRECT_QUOTE or STATEMENT."));
        }
        LibraryService.Results results = library.search(request.text(), type, request.limit());
        return new SearchResponse(results.found().stream().map(Result::of).toList(),
                results.processing().sources().stream().map(p -> new SourceRef(p.sourceId(), p.title())).toList(),
                results.processing().total(), results.byMeaning(), results.notice());
    }
}

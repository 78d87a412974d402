package org.quotecheck.library;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.quotecheck.claim.ClaimService;
import org.quotecheck.library.LibraryJson.Result;
import org.quotecheck.library.LibraryJson.SuggestionsResponse;

/** {@code GET /api/claims/{id}/suggestions}: what the background search found for a claim. */
@io.quarkus.security.Authenticated
@Path("/api/claims/{id}/suggestions")
@Produces(MediaType.APPLICATION_JSON)
public class SuggestionsApi {

    @Inject
    SuggestionStore suggestions;

    @Inject
    ClaimService claims;

    @GET
    public SuggestionsResponse suggestions(@RestPath long id) {
        claims.find(id);
        SuggestionStore.ClaimSuggestions found = suggestions.ofClaim(id);
        return new SuggestionsResponse(id, found.pending() ? "PENDING" : "DONE", found.searchedAt(),
                found.results().stream().map(Result::of).toList());
    }
}

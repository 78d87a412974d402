package org.quotecheck.library;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.quotecheck.library.LibraryJson.RelatedItem;
import org.quotecheck.library.LibraryJson.RelatedResponse;

/** {@code GET /api/claims/{id}/related}: claims of other articles that say the same, with their verdicts. */
@io.quarkus.security.Authenticated
@Path("/api/claims/{id}/related")
@Produces(MediaType.APPLICATION_JSON)
public class RelatedApi {

    @Inject
    RelatedClaims related;

    @GET
    public RelatedResponse related(@RestPath long id) {
        return new RelatedResponse(id, related.of(id).stream().map(r -> new RelatedItem(r.claim(), r.claim().articleId(),
                r.articleTitle(), r.claim().rating(), r.claim().state().name(), r.claim().decidedBy(), r.claim().decidedAt(),
                r.similarity(), r.sameWords())).toList());
    }
}

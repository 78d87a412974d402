package org.quotecheck.review;

import org.quotecheck.idempotency.Idempotent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.quotecheck.claim.ClaimView;
import org.quotecheck.web.InvalidInputException;

import java.util.List;

/** {@code POST /api/claims/{id}/transitions}: take, submit, approve, return, dismiss, restore or reopen a claim. */
@io.quarkus.security.Authenticated
@Path("/api/claims/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class TransitionApi {

    @Inject
    ReviewService review;

    @Inject
    SecurityIdentity identity;

    /** The body of {@code POST /api/claims/{id}/comments}. */
    public record NewComment(String text) {
    }

    @POST
    @Idempotent
    @Path("/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClaimView transition(@RestPath long id, TransitionRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "Send {action, rating?, note?, version} as a JSON object.");
        }
        return review.transition(id, request, identity);
    }

    @GET
    @Path("/history")
    public List<HistoryEntry> history(@RestPath long id) {
        return review.history(id);
    }

    @POST
    @Idempotent
    @Path("/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public HistoryEntry comment(@RestPath long id, NewComment request) {
        return review.comment(id, request == null ? null : request.text(), identity);
    }
}

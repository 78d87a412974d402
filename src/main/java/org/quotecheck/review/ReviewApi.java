package org.quotecheck.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;
import org.quotecheck.user.Role;

/** The approval queue over JSON ({@code API.md}): claims in review, oldest submission first. */
@Produces(MediaType.APPLICATION_JSON)
@io.quarkus.security.Authenticated
@Path("/api/review-queue")
public class ReviewApi {

    @Inject
    ReviewQueue queue;

    @GET
    @RolesAllowed({Role.REVIEWER_NAME, Role.ADMIN_NAME})
    public ReviewQueue.Page reviewQueue(@RestQuery String after, @RestQuery Integer size, @RestQuery Long articleId,
                                       @RestQuery String editor, @RestQuery String rating, @RestQuery String type) {
        return queue.page(new ReviewQueue.Filter(articleId, editor, rating, type), after,
                size == null || size < 1 ? 25 : Math.min(size, 100));
    }
}

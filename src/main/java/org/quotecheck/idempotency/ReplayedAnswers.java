package org.quotecheck.idempotency;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.quotecheck.web.Problem;
import org.quotecheck.web.RequestIds;

import java.util.List;

/** Sends a kept answer again, marked {@code Idempotent-Replayed: true}; tells a too-early retry to come back. */
public class ReplayedAnswers {

    @ServerExceptionMapper
    public Response inProgress(IdempotencyKeys.KeyInUse inUse, UriInfo uri, HttpHeaders headers) {
        String path = "/" + uri.getPath().replaceFirst("^/", "");
        return Response.status(409).type(Problem.MEDIA_TYPE).header("Retry-After", "1")
                .entity(Problem.of(409, "Request in progress", "A request with this Idempotency-Key is still being"
                        + " answered. Send it again in a moment to get its answer.", path, List.of(),
                        headers.getHeaderString(RequestIds.HEADER))).build();
    }

    @ServerExceptionMapper
    public Response replay(ReplayedAnswer replayed) {
        IdempotencyKeys.Answer answer = replayed.answer();
        Response.ResponseBuilder response = Response.status(answer.status()).header("Idempotent-Replayed", "true");
        if (answer.location() != null) {
            // Kept as a path (answers kept by earlier versions held the first request's host: made a path too).
            response.header("Location", IdempotencyInterceptor.pathOf(java.net.URI.create(answer.location())));
        }
        if (answer.body() != null) {
            response.type(MediaType.APPLICATION_JSON_TYPE).entity(answer.body());
        }
        return response.build();
    }
}

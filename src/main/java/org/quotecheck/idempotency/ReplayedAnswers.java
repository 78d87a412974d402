package org.quotecheck.idempotency;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Sends a kept answer again, marked {@code Idempotent-Replayed: true}. */
public class ReplayedAnswers {

    @ServerExceptionMapper
    public Response replay(ReplayedAnswer replayed) {
        IdempotencyKeys.Answer answer = replayed.answer();
        Response.ResponseBuilder response = Response.status(answer.status()).header("Idempotent-Replayed", "true");
        if (answer.location() != null) {
            response.header("Location", answer.location());
        }
        if (answer.body() != null) {
            response.type(MediaType.APPLICATION_JSON_TYPE).entity(answer.body());
        }
        return response.build();
    }
}

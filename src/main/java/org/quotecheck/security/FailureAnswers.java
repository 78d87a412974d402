package org.quotecheck.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers for failures that happen before any resource runs: a locked account or address using HTTP Basic gets 429
 * with {@code Retry-After} and problem JSON, instead of the usual 401 challenge (which would invite the client to
 * try again at once); a request whose Host header HTTP itself rejects gets a quiet 400 instead of a logged stack trace.
 */
@ApplicationScoped
public class FailureAnswers {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    void answer(RoutingContext context) {
        if (context.failure() != null && context.failure().getMessage() != null
                && context.failure().getMessage().contains("'Host' header is required") && !context.response().ended()) {
            context.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end("The Host header is missing or is not a host name.");
            return;
        }
        Throwable failure = context.failure();
        while (failure != null && !(failure instanceof SignInThrottledException)) {
            failure = failure.getCause();
        }
        if (!(failure instanceof SignInThrottledException throttled) || context.response().ended()) {
            context.next();
            return;
        }
        long seconds = throttled.retryAfterSeconds();
        context.response().setStatusCode(429)
                .putHeader("Retry-After", Long.toString(seconds))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end("{\"type\":\"about:blank\",\"title\":\"Too many failed sign-ins\",\"status\":429,\"detail\":"
                        + "\"Too many failed sign-ins for this account or from this address. Try again in " + seconds
                        + " seconds.\"}");
    }
}

package org.quotecheck.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.quotecheck.web.OutagePage;

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

    /**
     * The database went away before any resource ran (signing in, reading the session): 503 with {@code Retry-After},
     * problem JSON for the API and an HTML page for browsers.
     */
    private static void outage(RoutingContext context) {
        String path = context.request().path();
        String accept = String.valueOf(context.request().getHeader(HttpHeaders.ACCEPT));
        boolean json = path.startsWith("/api/") || accept.startsWith("application/json") || accept.startsWith("application/problem+json");
        var response = context.response().setStatusCode(503)
                .putHeader("Retry-After", Integer.toString(org.quotecheck.web.DatabaseOutage.RETRY_AFTER_SECONDS))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (json) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json").end("{\"type\":\"about:blank\",\"title\":\""
                    + org.quotecheck.web.DatabaseOutage.TITLE + "\",\"status\":503,\"detail\":\"" + org.quotecheck.web.DatabaseOutage.DETAIL
                    + "\",\"instance\":\"" + path.replaceAll("[^A-Za-z0-9/_.-]", "") + "\",\"requestId\":\""
                    + org.quotecheck.web.RequestIds.of(context) + "\"}");
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8");
            String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
            long length = contentLength(context);
            if (context.request().method() == HttpMethod.POST && OutagePage.isForm(contentType) && length > 0
                    && length <= OutagePage.MAX_BODY_BYTES) {
                // The form's body has not been read yet (the session check came first): read it to give it back.
                try {
                    context.request().body().onComplete(read -> response.end(OutagePage.html(path,
                            org.quotecheck.web.RequestIds.of(context),
                            read.succeeded() ? OutagePage.parse(contentType, read.result().getBytes()) : OutagePage.Typed.NOTHING)));
                    context.request().resume(); // paused while the session was being checked
                    return;
                } catch (IllegalStateException alreadyRead) {
                    // someone read it before us: the page without the form
                }
            }
            response.end(OutagePage.html(path, org.quotecheck.web.RequestIds.of(context), OutagePage.Typed.NOTHING));
        }
    }

    /** The declared body length, or -1 (a chunked body of unknown size is not read for the outage page). */
    private static long contentLength(RoutingContext context) {
        try {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            return declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    void answer(RoutingContext context) {
        if (context.failure() != null && context.failure().getMessage() != null
                && context.failure().getMessage().contains("'Host' header is required") && !context.response().ended()) {
            context.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end("The Host header is missing or is not a host name.");
            return;
        }
        if (context.failure() != null && org.quotecheck.web.DatabaseOutage.isOutage(context.failure()) && !context.response().ended()) {
            outage(context);
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

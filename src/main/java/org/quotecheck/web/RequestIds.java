package org.quotecheck.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request gets an id: the caller's {@code X-Request-Id} when it is a plain token (a proxy's), or a new one. It is
 * sent back as {@code X-Request-Id}, written in the access log and the error log, and shown in every error page and
 * problem JSON, so that a user's report leads straight to the log lines.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(RequestIds::assign);
    }

    static void assign(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        context.request().headers().set(HEADER, id);
        context.response().putHeader(HEADER, id);
        context.put(HEADER, id);
        context.next();
    }

    /** The id of the request a routing context serves (null before the handler ran). */
    public static String of(RoutingContext context) {
        return context.get(HEADER);
    }
}

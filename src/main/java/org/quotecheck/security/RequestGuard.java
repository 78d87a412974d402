package org.quotecheck.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.quotecheck.config.QuotecheckConfig;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Checks every request before authentication and every response before it leaves:
 * <ul>
 *   <li>paths with {@code ;} or {@code ,} (matrix parameters, path tricks) are answered 400 at once;</li>
 *   <li>an unsafe request a browser sent from another site ({@code Sec-Fetch-Site}, or an {@code Origin} that is not
 *       this site) is refused with 403, whatever its credentials;</li>
 *   <li>nothing but static assets may be stored by a browser or proxy ({@code Cache-Control: no-store}), so Back
 *       after signing out on a shared computer shows nothing private;</li>
 *   <li>redirects name only a path, never the request's {@code Host} header, which a client controls.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestGuard {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** A host name or address, with an optional port: nothing a URL could be bent with. */
    private static final java.util.regex.Pattern VALID_HOST =
            java.util.regex.Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\\.[A-Za-z0-9-]{1,63})*\\.?|\\[[0-9A-Fa-f:.]+])(?::\\d{1,5})?");
    private static final Set<String> STATIC_PREFIXES = Set.of("/css/", "/js/", "/webjars/", "/favicon.svg");

    private final String publicOrigin;

    RequestGuard(QuotecheckConfig config) {
        publicOrigin = origin(config.newsroom().publicUrl());
    }

    void register(@Observes Filters filters) {
        filters.register(this::guard, 1000);
    }

    void guard(RoutingContext context) {
        HttpServerRequest request = context.request();
        String host = request.getHeader(HttpHeaders.HOST);
        if (host != null ? !VALID_HOST.matcher(host).matches() : request.version() == io.vertx.core.http.HttpVersion.HTTP_1_1) {
            // Refused here, before anything reads the host (which would fail and log a stack trace per request).
            refuse(context, 400, "Bad request", "The Host header is missing or is not a host name.");
            return;
        }
        String rawPath = request.path() == null ? "" : request.path();
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (rawPath.indexOf(';') >= 0 || rawPath.indexOf(',') >= 0 || lower.contains("%3b") || lower.contains("%2c")) {
            refuse(context, 400, "Bad request", "This address is not valid: it contains ';' or ','.");
            return;
        }
        String uri = request.uri() == null ? "" : request.uri();
        if (uri.indexOf('\0') >= 0 || uri.toLowerCase(Locale.ROOT).contains("%00")) {
            refuse(context, 400, "Bad request", "This address is not valid: it contains a NUL character.");
            return;
        }
        if (!SAFE.contains(request.method())) {
            if (isCrossSite(request)) {
                refuse(context, 403, "Forbidden", "This request came from another site and was refused.");
                return;
            }
            String problem = contentTypeProblem(request.getHeader(HttpHeaders.CONTENT_TYPE));
            if (problem != null) {
                refuse(context, 400, "Bad request", problem);
                return;
            }
        }
        HttpServerResponse response = context.response();
        String normalized = context.normalizedPath() == null ? rawPath : context.normalizedPath();
        boolean cacheable = !normalized.contains("..") && STATIC_PREFIXES.stream().anyMatch(normalized::startsWith);
        context.addHeadersEndHandler(ignored -> {
            if (!cacheable && !response.headers().contains(HttpHeaders.CACHE_CONTROL)) {
                response.headers().set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            String location = response.headers().get(HttpHeaders.LOCATION);
            if (location != null) {
                response.headers().set(HttpHeaders.LOCATION, relative(location, request));
            }
        });
        context.next();
    }

    /**
     * Why a request's Content-Type cannot be read, or null when it can (or is absent): a media type must be
     * {@code type/subtype}, and a multipart body needs its boundary (1 to 70 characters, RFC 2046).
     */
    static String contentTypeProblem(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";", -1);
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!type.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")) {
            return "The Content-Type header is not a media type.";
        }
        if (type.startsWith("multipart/")) {
            String boundary = null;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                    boundary = parameter.substring("boundary=".length()).replaceAll("^\"|\"$", "");
                }
            }
            if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
                return "A multipart body needs a boundary of 1 to 70 characters in its Content-Type.";
            }
        }
        return null;
    }

    private boolean isCrossSite(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return false; // not a browser, or a browser old enough to send neither: the CSRF token decides
        }
        String host = request.getHeader(HttpHeaders.HOST);
        return !(origin.equalsIgnoreCase(publicOrigin) || host != null && authority(origin).equalsIgnoreCase(host));
    }

    /** An absolute redirect to this site's own host becomes a path; the browser resolves it against the page. */
    static String relative(String location, HttpServerRequest request) {
        if (!location.startsWith("http://") && !location.startsWith("https://")) {
            return location;
        }
        try {
            URI uri = URI.create(location);
            String host = request.getHeader(HttpHeaders.HOST);
            if (host != null && uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host)) {
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
            }
        } catch (IllegalArgumentException e) {
            return "/";
        }
        return location;
    }

    private static void refuse(RoutingContext context, int status, String title, String detail) {
        HttpServerResponse response = context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        String path = context.request().path() == null ? "" : context.request().path();
        if (path.startsWith("/api/") || path.equals("/api")) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .end("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                            + detail.replace("\"", "'") + "\"}");
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8")
                    .end("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                            + " · Quotecheck</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main class=\"wrap\">"
                            + "<h1>" + title + "</h1><p>" + detail + "</p><p><a href=\"/\">Go to the start page</a></p></main></body></html>");
        }
    }

    private static String origin(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String authority(String origin) {
        int scheme = origin.indexOf("://");
        return scheme < 0 ? origin : origin.substring(scheme + 3);
    }
}

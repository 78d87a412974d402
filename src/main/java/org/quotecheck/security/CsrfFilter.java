package org.quotecheck.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.Set;

/**
 * Every unsafe request to a page (anything outside {@code /api}) carries this session's CSRF token, whatever its
 * content type: in the {@code csrf-token} form field, or in the {@code X-CSRF-Token} header. A request without one
 * (no content type, a JSON body, a foreign form) is refused with 400 before any resource runs. The API is for
 * integrations and is not reachable with a session cookie from another site (SameSite, Origin checks), so it needs
 * no token.
 */
public class CsrfFilter {

    private static final Logger LOG = Logger.getLogger(CsrfFilter.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    CsrfTokens tokens;

    @ServerRequestFilter
    @WithFormRead
    public Response verify(ResteasyReactiveContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (SAFE.contains(request.getMethod()) || path.equals("/api") || path.startsWith("/api/")) {
            return null;
        }
        String token = request.getHeaderString(CsrfTokens.HEADER);
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (IllegalArgumentException e) {
            return Response.status(400).build(); // a Content-Type header that is not a media type
        }
        if (token == null && isForm(type) && request.hasEntity()) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(CsrfTokens.FIELD, true, false);
            token = field instanceof String text ? text : null;
        }
        if (token == null || !tokens.accepts(token)) {
            LOG.debugf("CSRF token %s on %s %s", token == null ? "missing" : "wrong", request.getMethod(), path);
            return Response.status(400).build();
        }
        return null;
    }

    private static boolean isForm(MediaType type) {
        return type != null && ("application".equals(type.getType()) && "x-www-form-urlencoded".equals(type.getSubtype())
                || "multipart".equals(type.getType()) && "form-data".equals(type.getSubtype()));
    }
}

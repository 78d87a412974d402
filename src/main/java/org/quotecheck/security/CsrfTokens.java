package org.quotecheck.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * CSRF tokens bound to the session ({@code inject:csrf} in templates). A signed-in user's token is a signature of
 * their username and session version, so it is worthless to anyone else and ends with the session; before signing
 * in, it is bound to a random pre-session cookie (SameSite=Strict) set by the sign-in page.
 */
@Named("csrf")
@RequestScoped
public class CsrfTokens {

    public static final String FIELD = "csrf-token";
    public static final String HEADER = "X-CSRF-Token";
    static final String PRE_SESSION_COOKIE = "quotecheck-presession";
    private static final String NEW_PRE_SESSION = "quotecheck.new-pre-session";

    @Inject
    SecurityIdentity identity;

    @Inject
    SecretKeys keys;

    @Inject
    CurrentVertxRequest request;

    @Inject
    Sessions sessions;

    public String getParameterName() {
        return FIELD;
    }

    public String getHeaderName() {
        return HEADER;
    }

    /** This request's signed-in token, signed once: a page with many forms (the queue: two a row) asks for it often. */
    private String signedInToken;

    /** The token this request's forms carry. */
    public String getToken() {
        if (identity != null && !identity.isAnonymous()) {
            if (signedInToken == null) {
                Object version = identity.getAttribute(AccountIdentities.SESSION_VERSION);
                signedInToken = keys.signCsrf("user|" + identity.getPrincipal().getName() + "|" + version);
            }
            return signedInToken;
        }
        return keys.signCsrf("pre|" + preSession(true));
    }

    /** Whether {@code token} is this request's token. */
    boolean accepts(String token) {
        if (identity != null && !identity.isAnonymous()) {
            return SecretKeys.same(token, getToken());
        }
        String pre = preSession(false);
        return pre != null && SecretKeys.same(token, keys.signCsrf("pre|" + pre));
    }

    /** The pre-session id from the request's cookie, or a new one (set on the response) when asked to create it. */
    private String preSession(boolean create) {
        RoutingContext context = request.getCurrent();
        if (context == null) {
            return null;
        }
        String fresh = context.get(NEW_PRE_SESSION);
        if (fresh != null) {
            return fresh;
        }
        Cookie cookie = context.request().getCookie(PRE_SESSION_COOKIE);
        if (cookie != null && cookie.getValue().matches("[A-Za-z0-9_-]{32}")) {
            return cookie.getValue();
        }
        if (!create) {
            return null;
        }
        String id = SecretKeys.random();
        context.put(NEW_PRE_SESSION, id);
        context.response().addCookie(sessions.cookie(context, PRE_SESSION_COOKIE, id)
                .setSameSite(io.vertx.core.http.CookieSameSite.STRICT));
        return id;
    }
}

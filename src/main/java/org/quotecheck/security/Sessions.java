package org.quotecheck.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quotecheck.config.QuotecheckConfig;

import java.time.Instant;
import java.util.Optional;

/** Issues, reads, renews and clears the session cookie (HttpOnly, SameSite=Lax, Secure over TLS). */
@ApplicationScoped
public class Sessions {

    @Inject
    SecretKeys keys;

    @Inject
    QuotecheckConfig config;

    public void start(RoutingContext context, SignInService.Account account) {
        Instant now = Instant.now();
        write(context, new SessionCookie(account.username(), account.sessionVersion(), now, now));
    }

    public void clear(RoutingContext context) {
        context.response().addCookie(cookie(context, SessionCookie.NAME, "").setMaxAge(0));
    }

    Optional<SessionCookie> read(RoutingContext context) {
        Cookie cookie = context.request().getCookie(SessionCookie.NAME);
        return cookie == null ? Optional.empty() : SessionCookie.decode(cookie.getValue(), keys, Instant.now(),
                config.session().idleTimeout(), config.session().maxAge());
    }

    boolean present(RoutingContext context) {
        return context.request().getCookie(SessionCookie.NAME) != null;
    }

    void renewIfDue(RoutingContext context, SessionCookie cookie) {
        Instant now = Instant.now();
        if (cookie.dueForRenewal(now)) {
            write(context, cookie.renewed(now));
        }
    }

    private void write(RoutingContext context, SessionCookie session) {
        context.response().addCookie(cookie(context, SessionCookie.NAME, session.encode(keys)));
    }

    Cookie cookie(RoutingContext context, String name, String value) {
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(config.session().secureCookies() || context.request().isSSL());
    }
}

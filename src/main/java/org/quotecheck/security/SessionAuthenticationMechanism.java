package org.quotecheck.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Browser sessions: a signed session cookie (see {@link SessionCookie}) identifies the user, as long as the account
 * has not signed out since. A cookie that is forged, stale or revoked is cleared and the request is anonymous.
 * Without credentials, a page sends the browser to the sign-in page (and back afterwards), while the API answers
 * 401 with a Basic challenge, as integrations expect.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final ChallengeData BASIC = new ChallengeData(401, "WWW-Authenticate", "Basic realm=\"Quotecheck\"");

    @Inject
    Sessions sessions;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (isStaticAsset(context.normalizedPath())) {
            // Stylesheets, scripts and icons are public and the same for everyone: no database look-up for them, so
            // pages (the outage page too) keep their styles while the database is away.
            return Uni.createFrom().nullItem();
        }
        Optional<SessionCookie> cookie = sessions.read(context);
        if (cookie.isEmpty()) {
            if (sessions.present(context)) {
                sessions.clear(context);
            }
            return Uni.createFrom().nullItem();
        }
        AuthenticationRequest request = HttpSecurityUtils.setRoutingContextAttribute(
                new SessionAuthenticationRequest(cookie.get()), context);
        return identityProviderManager.authenticate(request)
                .invoke(identity -> sessions.renewIfDue(context, cookie.get()))
                // A session that cannot be checked because the database is away is not ended: the request fails
                // with 503 (FailureAnswers) and the user is still signed in when the database is back.
                .onFailure(failure -> !org.quotecheck.web.DatabaseOutage.isOutage(failure)).recoverWithItem(failure -> {
                    sessions.clear(context);
                    return null;
                });
    }

    static boolean isStaticAsset(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/") || path.equals("/favicon.svg");
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.equals("/api") || path.startsWith("/api/")) {
            return Uni.createFrom().item(BASIC);
        }
        String wanted = context.request().method() == io.vertx.core.http.HttpMethod.GET ? context.request().uri() : null;
        String location = "/login" + (wanted == null || wanted.equals("/") || !SafeRedirect.isLocal(wanted) ? ""
                : "?next=" + URLEncoder.encode(wanted, StandardCharsets.UTF_8));
        return Uni.createFrom().item(new ChallengeData(302, "Location", location));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return 5000;
    }
}

package org.quotecheck.user;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Pages and the API accept both a browser session (form login) and HTTP Basic. Without credentials a page
 * redirects to the login form, but an API client must get 401 with a Basic challenge, not a redirect: this
 * mechanism authenticates nobody and only answers the challenge for {@code /api}, ahead of form login.
 */
@ApplicationScoped
public class ApiChallenge implements HttpAuthenticationMechanism {

    private static final ChallengeData BASIC = new ChallengeData(401, "WWW-Authenticate", "Basic realm=\"Quotecheck\"");

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return isApi(context) ? Uni.createFrom().item(BASIC) : Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        return 5000;
    }

    private static boolean isApi(RoutingContext context) {
        String path = context.normalizedPath();
        return path.equals("/api") || path.startsWith("/api/");
    }
}

package org.quotecheck.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.quotecheck.token.TokenService;

import java.util.Set;

/**
 * {@code Authorization: Bearer <API token>} on the JSON API. A request without a bearer token is left to the other
 * mechanisms (session cookie, HTTP Basic); one with a token that is unknown, revoked or expired is refused with 401,
 * never passed on as anonymous.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String SCHEME = "bearer ";
    private static final ChallengeData CHALLENGE = new ChallengeData(401, "WWW-Authenticate",
            "Bearer realm=\"Quotecheck\", error=\"invalid_token\"");

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null || header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || !isApi(context.normalizedPath())) {
            return Uni.createFrom().nullItem(); // tokens are for the JSON API; pages want a person's session
        }
        AuthenticationRequest request = HttpSecurityUtils.setRoutingContextAttribute(
                new TokenRequest(header.substring(SCHEME.length()).strip()), context);
        return identityProviderManager.authenticate(request);
    }

    /** The JSON API, and its OpenAPI description (which an integration reads with the same token). */
    static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.equals("/q/openapi");
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && isApi(context.normalizedPath());
        return bearer ? Uni.createFrom().item(CHALLENGE) : Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenRequest.class);
    }

    @Override
    public int getPriority() {
        return 6000;
    }

    /** The bearer token of a request. */
    public static final class TokenRequest extends BaseAuthenticationRequest {
        private final String token;

        TokenRequest(String token) {
            this.token = token;
        }

        String token() {
            return token;
        }
    }

    /** Turns a token into the identity of the account it acts through, with the token's roles. */
    @ApplicationScoped
    static class FromToken implements IdentityProvider<TokenRequest> {

        private static final Logger LOG = Logger.getLogger(FromToken.class);

        @Inject
        TokenService tokens;

        @Override
        public Class<TokenRequest> getRequestType() {
            return TokenRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenRequest request, AuthenticationRequestContext context) {
            String address = AccountIdentities.address(HttpSecurityUtils.getRoutingContextAttribute(request));
            return context.runBlocking(() -> tokens.authenticate(request.token())
                    .map(b -> AccountIdentities.identity(new SignInService.Account(b.accountId(), b.username(), b.roles(),
                            b.sessionVersion())))
                    .orElseThrow(() -> {
                        LOG.warnf("Refused API token from %s: unknown, revoked or expired", address);
                        return new AuthenticationFailedException("invalid API token");
                    }));
        }
    }
}

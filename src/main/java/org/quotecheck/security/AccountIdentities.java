package org.quotecheck.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns accounts into security identities: from a session cookie, and from a password (HTTP Basic). */
final class AccountIdentities {

    /** The identity attribute holding the session version, to which CSRF tokens are bound. */
    static final String SESSION_VERSION = "quotecheck.session-version";
    static final String ACCOUNT_ID = "quotecheck.account-id";

    private AccountIdentities() {
    }

    static SecurityIdentity identity(SignInService.Account account) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(account.username()))
                .addRoles(account.roles()).addAttribute(SESSION_VERSION, account.sessionVersion())
                .addAttribute(ACCOUNT_ID, account.id()).build();
    }

    static String address(RoutingContext context) {
        return context == null || context.request().remoteAddress() == null ? "unknown"
                : context.request().remoteAddress().hostAddress();
    }

    /** A session cookie names an account; the account must still exist and not have signed out since. */
    @ApplicationScoped
    static class FromSession implements IdentityProvider<SessionAuthenticationRequest> {

        @Inject
        SignInService signIn;

        @Override
        public Class<SessionAuthenticationRequest> getRequestType() {
            return SessionAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request, AuthenticationRequestContext context) {
            SessionCookie cookie = request.cookie();
            return context.runBlocking(() -> signIn.current(cookie.username(), cookie.sessionVersion())
                    .map(AccountIdentities::identity)
                    .orElseThrow(() -> new AuthenticationFailedException("session ended")));
        }
    }

    /** HTTP Basic: the same checks, backoff and logging as the sign-in form. */
    @ApplicationScoped
    static class FromPassword implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

        @Inject
        SignInService signIn;

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
            String address = address(HttpSecurityUtils.getRoutingContextAttribute(request));
            String password = new String(request.getPassword().getPassword());
            return context.runBlocking(() -> {
                SignInService.Outcome outcome = signIn.attempt(request.getUsername(), password, address, "HTTP Basic");
                if (outcome instanceof SignInService.SignedIn signedIn) {
                    return identity(signedIn.account());
                }
                if (outcome instanceof SignInService.Throttled throttled) {
                    throw new AuthenticationFailedException("too many failed sign-ins",
                            new SignInThrottledException(throttled.retryAfterSeconds()));
                }
                throw new AuthenticationFailedException("wrong username or password");
            });
        }
    }
}

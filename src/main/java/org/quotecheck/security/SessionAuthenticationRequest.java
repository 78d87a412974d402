package org.quotecheck.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A genuine, fresh session cookie: the account and the session version it was issued for. */
final class SessionAuthenticationRequest extends BaseAuthenticationRequest {

    private final SessionCookie cookie;

    SessionAuthenticationRequest(SessionCookie cookie) {
        this.cookie = cookie;
    }

    SessionCookie cookie() {
        return cookie;
    }
}

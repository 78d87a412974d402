package org.quotecheck.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * What the session cookie says: who, for which session version of their account, since when, last renewed when.
 * Signed (HMAC-SHA256), not encrypted: nothing in it is secret, but nothing in it can be changed either. The version
 * lets the server end every session of an account at once (signing out); the times end idle and old sessions.
 */
record SessionCookie(String username, long sessionVersion, Instant issuedAt, Instant renewedAt) {

    static final String NAME = "quotecheck-session";

    String encode(SecretKeys keys) {
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(username.getBytes(StandardCharsets.UTF_8))
                + "." + sessionVersion + "." + issuedAt.getEpochSecond() + "." + renewedAt.getEpochSecond();
        return body + "." + keys.signSession(body);
    }

    /** The cookie's content if it is genuine and still fresh at {@code now}; empty otherwise. */
    static Optional<SessionCookie> decode(String value, SecretKeys keys, Instant now, Duration idleTimeout, Duration maxAge) {
        if (value == null || value.length() > 600) {
            return Optional.empty();
        }
        int lastDot = value.lastIndexOf('.');
        if (lastDot < 0 || !SecretKeys.same(keys.signSession(value.substring(0, lastDot)), value.substring(lastDot + 1))) {
            return Optional.empty();
        }
        String[] parts = value.substring(0, lastDot).split("\\.");
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            SessionCookie cookie = new SessionCookie(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8),
                    Long.parseLong(parts[1]), Instant.ofEpochSecond(Long.parseLong(parts[2])),
                    Instant.ofEpochSecond(Long.parseLong(parts[3])));
            boolean fresh = now.isBefore(cookie.renewedAt().plus(idleTimeout)) && now.isBefore(cookie.issuedAt().plus(maxAge))
                    && !cookie.renewedAt().isAfter(now.plusSeconds(60));
            return fresh ? Optional.of(cookie) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Renewed at most once a minute, so that most responses carry no new cookie. */
    boolean dueForRenewal(Instant now) {
        return now.isAfter(renewedAt.plusSeconds(60));
    }

    SessionCookie renewed(Instant now) {
        return new SessionCookie(username, sessionVersion, issuedAt, now);
    }
}

package org.quotecheck.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The keys that sign session cookies and CSRF tokens, derived from one secret:
 * {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY}. All instances must share it, or a session started on one is
 * unknown to the others; without it, a random key is made at start (sessions then end with the process).
 */
@ApplicationScoped
public class SecretKeys {

    private static final Logger LOG = Logger.getLogger(SecretKeys.class);
    private final byte[] sessionKey;
    private final byte[] csrfKey;
    private final byte[] fingerprintKey;

    SecretKeys(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> configured) {
        byte[] master;
        if (configured.filter(k -> k.length() >= 16).isPresent()) {
            master = configured.get().getBytes(StandardCharsets.UTF_8);
        } else {
            master = new byte[32];
            new SecureRandom().nextBytes(master);
            LOG.warn("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY is not set (or shorter than 16 characters): sessions are"
                    + " signed with a random key and end when this process stops.");
        }
        sessionKey = hmac(master, "quotecheck-session-v1".getBytes(StandardCharsets.UTF_8));
        csrfKey = hmac(master, "quotecheck-csrf-v1".getBytes(StandardCharsets.UTF_8));
        fingerprintKey = hmac(master, "quotecheck-fingerprint-v1".getBytes(StandardCharsets.UTF_8));
    }

    /** A URL-safe signature of {@code text} with the session key. */
    String signSession(String text) {
        return encode(hmac(sessionKey, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A URL-safe CSRF token for {@code text} (who the token is bound to). */
    String signCsrf(String text) {
        return encode(hmac(csrfKey, text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A keyed digest of a request, to recognise it again (idempotency keys) without keeping what it held: a request
     * may carry a password, which a plain hash would expose to guessing by anyone who reads the database.
     */
    public String fingerprint(String text) {
        return encode(hmac(fingerprintKey, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Compares in constant time, so a guess learns nothing from how long the answer took. */
    static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return encode(bytes);
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

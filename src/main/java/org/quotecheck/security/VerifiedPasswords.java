package org.quotecheck.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passwords this instance checked recently, so that HTTP Basic (which sends the password with every request) costs one
 * bcrypt comparison per account every few minutes instead of one per request, and parallel requests with the right
 * password are not counted as parallel guesses. Holds no password: a keyed digest of name and password (the key is
 * random per process), with the bcrypt hash it matched, so a changed password no longer matches. Only right passwords
 * are kept; wrong ones always go through the throttle and bcrypt.
 */
final class VerifiedPasswords {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(byte[] digest, String hash, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];
    private final long ttlNanos;

    VerifiedPasswords(Duration ttl) {
        new SecureRandom().nextBytes(key);
        this.ttlNanos = ttl.toNanos();
    }

    /** Whether {@code password} was verified for {@code username} against {@code currentHash} within the TTL. */
    boolean verified(String username, String password, String currentHash) {
        Entry entry = entries.get(username);
        if (entry == null) {
            return false;
        }
        if (System.nanoTime() - entry.expiresAtNanos() > 0) {
            entries.remove(username, entry);
            return false;
        }
        return entry.hash().equals(currentHash) && MessageDigest.isEqual(entry.digest(), digest(username, password));
    }

    /** Whether anything is kept for {@code username}, so the database need not be asked otherwise. */
    boolean mayKnow(String username) {
        return entries.containsKey(username);
    }

    void remember(String username, String password, String hash) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(username, new Entry(digest(username, password), hash, System.nanoTime() + ttlNanos));
    }

    private byte[] digest(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal((username + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

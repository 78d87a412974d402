package org.quotecheck.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of an API token, and how it is kept: {@code qct_<public id>_<secret>}, where the public id (8 hex digits)
 * names the token in lists and logs and the secret is 32 random bytes. Only the SHA-256 digest of the whole token is
 * stored. A salted slow hash (bcrypt) is for passwords people choose; a 256-bit random secret cannot be guessed from
 * its digest, and checking it must stay cheap because every API call does. Pure Java.
 */
public final class TokenSecrets {

    public static final String PREFIX = "qct_";
    private static final Pattern SHAPE = Pattern.compile("qct_([0-9a-f]{8})_[A-Za-z0-9_-]{43}");

    /** A newly issued token: the text shown once, its public id and the digest to store. */
    public record Issued(String publicId, String token, byte[] digest) {
    }

    private TokenSecrets() {
    }

    public static Issued issue(SecureRandom random) {
        byte[] id = new byte[4];
        byte[] secret = new byte[32];
        random.nextBytes(id);
        random.nextBytes(secret);
        String publicId = HexFormat.of().formatHex(id);
        String token = PREFIX + publicId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Issued(publicId, token, digest(token));
    }

    /** The public id of a well-formed token; empty for anything else (which is then refused without a look-up). */
    public static Optional<String> publicIdOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(token);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Compared in constant time, so that timing does not tell how much of a guess was right. */
    public static boolean matches(String token, byte[] storedDigest) {
        return storedDigest != null && MessageDigest.isEqual(digest(token), storedDigest);
    }
}

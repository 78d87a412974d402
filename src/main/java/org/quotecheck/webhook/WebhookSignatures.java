package org.quotecheck.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The {@code X-Quotecheck-Signature} header: {@code sha256=} and the hex HMAC-SHA256 of the exact body bytes with the
 * endpoint's secret. The body carries the time it was sent ({@code timestamp}, Unix seconds), so a receiver that
 * checks the signature and refuses old timestamps cannot be fed a recorded delivery again. Pure Java.
 */
public final class WebhookSignatures {

    public static final String PREFIX = "sha256=";

    private WebhookSignatures() {
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** What a receiver does: compare in constant time, with or without the {@code sha256=} prefix. */
    public static boolean verify(String secret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        String expected = sign(secret, body).substring(PREFIX.length());
        String given = header.startsWith(PREFIX) ? header.substring(PREFIX.length()) : header;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII));
    }
}

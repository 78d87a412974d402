package org.quotecheck.library.ranking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A claim's words without case, accents, punctuation or quote style: the same key for the same words. */
public final class Wording {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Wording() {
    }

    public static String normalise(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        Matcher m = WORD.matcher(plain.toLowerCase(Locale.ROOT));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(m.group());
        }
        return out.toString();
    }

    /** SHA-256 of the normalised words, in hex. */
    public static String key(String text) {
        return sha256(normalise(text));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.quotecheck.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be: 10 characters at least, at most 72 bytes in UTF-8 (bcrypt reads no further, so a
 * longer one would be silently cut), not one of the very common passwords, not the username, not one character
 * repeated. Pure Java.
 */
public final class PasswordRules {

    public static final int MIN_CHARACTERS = 10;
    public static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = load();

    private PasswordRules() {
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            return Optional.of("Use at least " + MIN_CHARACTERS + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("Use at most " + MAX_BYTES + " bytes (72 plain letters or digits; fewer for accented"
                    + " letters and other scripts, which take 2 to 4 bytes each).");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("This password is one of the most common ones and would be guessed quickly; choose another.");
        }
        if (username != null && !username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("The password must not contain the username.");
        }
        if (lower.codePoints().distinct().count() < 4) {
            return Optional.of("Use more than three different characters.");
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordRules.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}

package org.quotecheck.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordRulesTest {

    @Test
    void lengthIsCountedInBytesAsBcryptReadsThem() {
        assertThat(PasswordRules.problem("a".repeat(9) + "bcd", "someone")).isEmpty();
        // 40 characters, but 80 bytes: bcrypt would ignore the last 8.
        assertThat(PasswordRules.problem("é".repeat(36) + "abcd", "someone")).get().asString().contains("72 bytes");
        assertThat(PasswordRules.problem("x".repeat(60) + "abcdefghijklm", "someone")).get().asString().contains("72 bytes");
        assertThat(PasswordRules.problem("short", "someone")).get().asString().contains("at least 10");
    }

    @Test
    void veryCommonPasswordsAndTheUsernameAreRefused() {
        for (String common : new String[] {"1234567890", "qwertyuiop", "Password123", "1q2w3e4r5t"}) {
            assertThat(PasswordRules.problem(common, "someone")).as(common).get().asString().contains("most common");
        }
        assertThat(PasswordRules.problem("maria.lopez-2026", "maria.lopez")).get().asString().contains("username");
        assertThat(PasswordRules.problem("aaaaaaaaaaaa", "someone")).isPresent();
        assertThat(PasswordRules.problem("correct-horse-42", "someone")).isEmpty();
    }
}

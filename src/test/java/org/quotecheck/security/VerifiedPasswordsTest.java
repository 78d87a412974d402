package org.quotecheck.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordsTest {

    @Test
    void onlyTheRememberedPasswordAgainstTheSameHashIsKnown() {
        VerifiedPasswords verified = new VerifiedPasswords(Duration.ofMinutes(5));
        assertThat(verified.mayKnow("dana")).isFalse();
        verified.remember("dana", "right-password", "$2a$10$hash-one");
        assertThat(verified.mayKnow("dana")).isTrue();
        assertThat(verified.verified("dana", "right-password", "$2a$10$hash-one")).isTrue();
        assertThat(verified.verified("dana", "wrong-password", "$2a$10$hash-one")).isFalse();
        assertThat(verified.verified("dana", "right-password", "$2a$10$changed")).as("password changed since").isFalse();
        assertThat(verified.verified("ravi", "right-password", "$2a$10$hash-one")).isFalse();
    }

    @Test
    void entriesExpire() {
        VerifiedPasswords verified = new VerifiedPasswords(Duration.ZERO);
        verified.remember("dana", "right-password", "h");
        assertThat(verified.verified("dana", "right-password", "h")).isFalse();
        assertThat(verified.mayKnow("dana")).isFalse();
    }
}

package org.quotecheck.token;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TokenSecretsTest {

    @Test
    void anIssuedTokenHasItsShapeAndMatchesOnlyItsOwnDigest() {
        TokenSecrets.Issued issued = TokenSecrets.issue(new SecureRandom());
        assertThat(issued.token()).matches("qct_[0-9a-f]{8}_[A-Za-z0-9_-]{43}").startsWith("qct_" + issued.publicId() + "_");
        assertThat(TokenSecrets.publicIdOf(issued.token())).contains(issued.publicId());
        assertThat(TokenSecrets.matches(issued.token(), issued.digest())).isTrue();
        String oneCharacterOff = issued.token().substring(0, issued.token().length() - 1)
                + (issued.token().endsWith("A") ? "B" : "A");
        assertThat(TokenSecrets.matches(oneCharacterOff, issued.digest())).isFalse();
        assertThat(issued.digest()).hasSize(32);
    }

    @Test
    void malformedTokensHaveNoPublicIdAndAreNeverLookedUp() {
        assertThat(TokenSecrets.publicIdOf(null)).isEmpty();
        assertThat(TokenSecrets.publicIdOf("")).isEmpty();
        assertThat(TokenSecrets.publicIdOf("qct_1234abcd_short")).isEmpty();
        assertThat(TokenSecrets.publicIdOf("qct_1234ABCD_" + "a".repeat(43))).isEmpty();
        assertThat(TokenSecrets.publicIdOf(" qct_1234abcd_" + "a".repeat(43))).isEmpty();
        assertThat(TokenSecrets.publicIdOf("qct_1234abcd_" + "a".repeat(43))).contains("1234abcd");
    }

    @Test
    void tokensDoNotRepeat() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(TokenSecrets.issue(random).token())).isTrue();
        }
    }
}

package org.quotecheck.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignaturesTest {

    private static final byte[] BODY = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBody() {
        // Computed independently: python3 -c "import hmac,hashlib; print(hmac.new(b'it-is-a-long-secret',
        // b'{\"id\":\"x\"}', hashlib.sha256).hexdigest())"
        assertThat(WebhookSignatures.sign("it-is-a-long-secret", BODY))
                .isEqualTo("sha256=af6177ef212ff27fde8c52cb4413523a47b26c9657b62866f8e400a1c5fa43ce");
    }

    @Test
    void verificationAcceptsThePrefixOrNotAndRefusesAnyChange() {
        String signature = WebhookSignatures.sign("it-is-a-long-secret", BODY);
        assertThat(WebhookSignatures.verify("it-is-a-long-secret", BODY, signature)).isTrue();
        assertThat(WebhookSignatures.verify("it-is-a-long-secret", BODY, signature.substring(7))).isTrue();
        assertThat(WebhookSignatures.verify("it-is-a-long-secret", BODY, signature.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
        assertThat(WebhookSignatures.verify("another-long-secret", BODY, signature)).isFalse();
        assertThat(WebhookSignatures.verify("it-is-a-long-secret", "{\"id\":\"y\"}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(WebhookSignatures.verify("it-is-a-long-secret", BODY, null)).isFalse();
    }

    @Test
    void deliveryFailuresAreSaidInWords() {
        assertThat(WebhookDeliveries.explain(new java.net.ConnectException())).isEqualTo("Could not connect: the receiver refused or is down");
        assertThat(WebhookDeliveries.explain(new java.net.http.HttpConnectTimeoutException("x"))).isEqualTo("Could not connect in time");
        assertThat(WebhookDeliveries.explain(new java.net.UnknownHostException("cms.invalid"))).contains("does not resolve");
        assertThat(WebhookDeliveries.explain(new java.io.IOException("reset"))).isEqualTo("The connection broke (reset)");
    }
}

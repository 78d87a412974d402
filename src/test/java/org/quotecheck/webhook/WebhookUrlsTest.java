package org.quotecheck.webhook;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookUrlsTest {

    /** Names resolve as a DNS answer would; literal addresses resolve to themselves. */
    private static final WebhookUrls.Resolver RESOLVER = host -> {
        Map<String, String> names = Map.of("cms.example.com", "93.184.216.34", "rebound.example.com", "10.0.0.5",
                "metadata.example.com", "169.254.169.254");
        if (names.containsKey(host)) {
            return new InetAddress[] {InetAddress.getByName(names.get(host))};
        }
        if (host.matches("[0-9a-fA-F:.]+")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
    };

    private static boolean refused(String url) {
        return WebhookUrls.refusal(url, false, RESOLVER).isPresent();
    }

    @Test
    void thisServerPrivateNetworksAndMetadataAreRefused() {
        for (String url : new String[] {"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://api.localhost/",
                "http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/", "http://[fd00::1]/", "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/", "http://100.64.0.1/",
                "http://0.0.0.0/", "http://224.0.0.1/", "http://rebound.example.com/hook", "http://metadata.example.com/",
                "http://metadata.google.internal/", "http://[64:ff9b::a00:1]/", "http://[64:ff9b:1::1]/", "http://[2002:a00:1::1]/",
                "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "http://[::7f00:1]/", "http://2130706433/",
                "http://0x7f.1/", "http://localhost./"}) {
            assertThat(refused(url)).as(url).isTrue();
        }
    }

    /** Every IPv6 form outside the Internet's unicast space 2000::/3 hides a local address or leads nowhere public. */
    @Test
    void everyIpv6FormThatHidesAnIpv4AddressOrLeadsNowherePublicIsRefused() {
        for (String url : new String[] {"http://[::ffff:0:7f00:1]/", "http://[::ffff:0:a00:1]/", "http://[::ffff:0:5db8:d822]/",
                "http://[0:0:0:0:0:ffff:7f00:1]/", "http://[::]/", "http://[100::1]/", "http://[ff02::1]/",
                "http://[2001:db8::1]/", "http://[2001:10::1]/", "http://[2001:2::1]/", "http://[4000::1]/"}) {
            assertThat(refused(url)).as(url).isTrue();
        }
    }

    @Test
    void portsOutsideOneTo65535AreRefusedWhateverTheAddress() {
        for (String url : new String[] {"http://93.184.216.34:0/", "http://93.184.216.34:99999/", "http://cms.example.com:65536/",
                "http://cms.example.com:0/hook"}) {
            assertThat(WebhookUrls.refusal(url, false, RESOLVER)).as(url).hasValueSatisfying(reason ->
                    assertThat(reason).containsIgnoringCase("port"));
            assertThat(WebhookUrls.refusal(url, true, RESOLVER)).as("%s even where private addresses are allowed", url).isPresent();
        }
        assertThat(WebhookUrls.refusal("http://cms.example.com:65535/", false, RESOLVER)).isEmpty();
        assertThat(WebhookUrls.refusal("http://cms.example.com:1/", false, RESOLVER)).isEmpty();
    }

    @Test
    void onlyPlainHttpAndHttpsWithoutCredentials() {
        assertThat(WebhookUrls.refusal("ftp://cms.example.com/hook", false, RESOLVER)).hasValueSatisfying(
                reason -> assertThat(reason).contains("http or https"));
        assertThat(refused("https://user:pass@cms.example.com/hook")).isTrue();
        assertThat(refused("file:///etc/passwd")).isTrue();
        assertThat(refused("not a url")).isTrue();
        assertThat(refused("https:///nohost")).isTrue();
        assertThat(refused("https://unknown.invalid/")).isTrue();
    }

    @Test
    void publicAddressesAreAcceptedAndPrivateOnesWhenAllowed() {
        assertThat(WebhookUrls.refusal("https://cms.example.com/hooks/quotecheck", false, RESOLVER)).isEmpty();
        assertThat(WebhookUrls.refusal("http://93.184.216.34:8443/x", false, RESOLVER)).isEmpty();
        assertThat(WebhookUrls.refusal("http://[64:ff9b::5db8:d822]/", false, RESOLVER)).isEmpty(); // NAT64 of a public one
        assertThat(WebhookUrls.refusal("http://[2606:4700::6810:84e5]/", false, RESOLVER)).isEmpty();
        assertThat(WebhookUrls.refusal("http://127.0.0.1:8080/hook", true, RESOLVER)).isEmpty();
        assertThat(WebhookUrls.refusal("ftp://127.0.0.1/hook", true, RESOLVER)).isPresent();
    }
}

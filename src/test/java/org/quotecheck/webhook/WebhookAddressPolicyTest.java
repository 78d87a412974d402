package org.quotecheck.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * With the production default (QUOTECHECK_WEBHOOKS_ALLOW_PRIVATE unset), webhooks cannot be pointed at this server,
 * internal networks or the cloud metadata service: the API refuses them with a field error.
 */
@QuarkusTest
@TestProfile(WebhookAddressPolicyTest.PrivateAddressesRefused.class)
class WebhookAddressPolicyTest {

    public static class PrivateAddressesRefused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quotecheck.webhooks.allow-private", "false");
        }
    }

    @Inject
    TestUsers users;

    @Test
    void internalAddressesAreRefused() {
        TestUser admin = users.admin();
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.7/hook", "http://[::1]:9000/", "http://192.168.0.10/")) {
            admin.api().contentType(ContentType.JSON).body(Map.of("url", url, "secret", "a-long-enough-shared-secret",
                            "events", List.of("claim.approved"))).post("/api/webhooks")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url")).body("errors[0].message", containsString("may not reach"));
        }
        admin.api().get("/api/webhooks").then().statusCode(200).body("url", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem("http://127.0.0.1:8080/hook")));
    }
}

package org.quotecheck.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.BrowserSession;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Webhooks against a real HTTP receiver started by the test: signed bodies, a retry after a 500, in order per claim,
 * never a second delivery after a 2xx, redelivery by hand, and source corrections.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final String SECRET = "receiver-shared-secret-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestUsers users;

    private HttpServer receiver;
    private final List<Received> received = new ArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private TestUser admin;
    private int endpoint;

    record Received(Map<String, String> headers, String body, int answeredWith) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status;
            synchronized (received) {
                status = answers.isEmpty() ? 200 : answers.poll();
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                received.add(new Received(headers, new String(body, StandardCharsets.UTF_8), status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.createContext("/slow", exchange -> {
            // The headers at once, then a body that never ends.
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write('{');
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.start();
        admin = users.admin();
        endpoint = admin.api().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort()
                        + "/hook", "secret", SECRET, "events", WebhookService.EVENTS))
                .post("/api/webhooks").then().statusCode(201).body("events", equalTo(WebhookService.EVENTS))
                .extract().path("id");
    }

    @AfterEach
    void stopReceiver() {
        admin.api().delete("/api/webhooks/" + endpoint).then().statusCode(204);
        receiver.stop(0);
    }

    @Test
    void approvalIsSignedRetriedAfterA500DeliveredInOrderAndNeverTwice() throws Exception {
        answers.add(500); // the first delivery fails once
        TestUser editor = users.editor();
        int claim = approvedClaim(editor);

        awaitReceived(r -> r.answeredWith() == 200 && r.json().path("type").asText().equals("article.checked"), 1);
        awaitReceived(r -> r.answeredWith() == 200 && r.json().path("type").asText().equals("claim.approved"), 1);
        List<Received> claimEvents = snapshot().stream().filter(r -> r.json().path("type").asText().startsWith("claim.")).toList();

        // The first attempt got the 500, and the same event came again as attempt 2.
        assertThat(claimEvents.get(0).answeredWith()).isEqualTo(500);
        assertThat(claimEvents.get(1).json().path("id")).isEqualTo(claimEvents.get(0).json().path("id"));
        assertThat(claimEvents.get(1).json().path("attempt").asInt()).isEqualTo(2);
        // In order per claim: submitted (after its retry) before approved.
        assertThat(claimEvents.stream().filter(r -> r.answeredWith() == 200).map(r -> r.json().path("type").asText()))
                .containsExactly("claim.submitted", "claim.approved");

        for (Received r : snapshot()) {
            assertThat(r.headers().get("x-quotecheck-signature")).isEqualTo("sha256=" + hmac(SECRET, r.body()));
            assertThat(r.headers().get("content-type")).startsWith("application/json");
            assertThat(r.headers().get("x-quotecheck-timestamp")).isEqualTo(r.json().path("timestamp").asText());
            assertThat(Math.abs(System.currentTimeMillis() / 1000 - r.json().path("timestamp").asLong())).isLessThan(120);
            assertThat(r.headers().get("x-quotecheck-delivery")).isEqualTo(r.json().path("id").asText());
        }
        Received approved = claimEvents.stream().filter(r -> r.json().path("type").asText().equals("claim.approved")).findFirst().orElseThrow();
        assertThat(approved.json().at("/data/claim/id").asInt()).isEqualTo(claim);
        assertThat(approved.json().at("/data/claim/state").asText()).isEqualTo("APPROVED");
        assertThat(approved.json().at("/data/claim/speaker").asText()).isEqualTo("Dana Whitfield");
        Received checked = snapshot().stream().filter(r -> r.json().path("type").asText().equals("article.checked")).findFirst().orElseThrow();
        List<Integer> checkedClaims = new ArrayList<>();
        checked.json().at("/data/article/claims").forEach(c -> checkedClaims.add(c.path("id").asInt()));
        assertThat(checkedClaims).contains(claim);
        checked.json().at("/data/article/claims").forEach(c -> assertThat(c.path("state").asText()).isIn("APPROVED", "DISMISSED"));
        assertThat(checked.json().at("/data/article").has("body")).isFalse();

        // Never twice after a 2xx: long after many retry intervals, nothing more has arrived.
        int count = snapshot().size();
        Thread.sleep(800);
        assertThat(snapshot()).hasSize(count);
        admin.api().queryParam("endpointId", endpoint).get("/api/webhooks/deliveries").then().statusCode(200)
                .body("total", equalTo(3)).body("items.state", org.hamcrest.Matchers.everyItem(equalTo("DELIVERED")));
    }

    @Test
    void aDeliveryCanBeSentAgainByHandWithTheSameEventId() throws Exception {
        int source = users.editor().api().contentType(ContentType.JSON).body(Map.of("title", "Readout", "type", "TRANSCRIPT",
                "text", "The pier opens in May.")).post("/api/sources").then().statusCode(201).extract().path("id");
        users.editor().api().contentType(ContentType.JSON).body(Map.of("text", "The pier opens in June."))
                .post("/api/sources/" + source + "/versions").then().statusCode(201);
        Received first = awaitReceived(r -> r.json().path("type").asText().equals("source.corrected"), 1).get(0);
        assertThat(first.json().at("/data/source/id").asInt()).isEqualTo(source);
        assertThat(first.json().at("/data/previousVersion").asInt()).isEqualTo(1);
        assertThat(first.json().at("/data/source/currentVersion").asInt()).isEqualTo(2);

        int delivery = awaitDelivered();
        Response again = admin.api().post("/api/webhooks/deliveries/" + delivery + "/redeliver");
        again.then().statusCode(202).body("redeliveryOf", equalTo(delivery));
        List<Received> both = awaitReceived(r -> r.json().path("type").asText().equals("source.corrected"), 2);
        assertThat(both.get(1).json().path("id")).isEqualTo(first.json().path("id"));
        assertThat(both.get(1).json().path("redelivery").asBoolean()).isTrue();

        BrowserSession page = admin.signIn();
        String html = page.get("/admin/webhooks").asString();
        assertThat(html).contains("127.0.0.1:" + receiver.getAddress().getPort()).contains("source.corrected")
                .contains("HTTP 200").contains("redelivery of #" + delivery).contains("<strong>#" + delivery + "</strong>")
                .contains(first.json().path("id").asText());
        // A delivery that is still being tried cannot be redelivered; one that does not exist is 404.
        admin.api().post("/api/webhooks/deliveries/999999999/redeliver").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badEndpointsAreRefusedWithFieldErrorsAndOnlyAdministratorsManageThem() {
        admin.api().contentType(ContentType.JSON).body(Map.of("url", "ftp://cms.example.com/", "secret", "short",
                        "events", List.of("claim.exploded"))).post("/api/webhooks").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("url", "secret", "events"));
        // The same URL twice would get every event twice, signed with two secrets.
        admin.api().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort()
                        + "/hook", "secret", "another-long-secret-123", "events", List.of("claim.approved")))
                .post("/api/webhooks").then().statusCode(422).body("errors[0].field", equalTo("url"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("already registered"));
        users.editor().api().get("/api/webhooks").then().statusCode(403);
        users.reviewer().api().get("/admin/webhooks").then().statusCode(403);
        admin.api().get("/api/webhooks").then().statusCode(200).body("find { it.id == " + endpoint + " }.url",
                org.hamcrest.Matchers.endsWith("/hook")).body("secret", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void aReceiverThatNeverFinishesItsAnswerDoesNotHoldTheWorker() throws Exception {
        int slow = admin.api().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/slow", "secret", SECRET, "events", List.of("source.corrected"))).post("/api/webhooks").then().statusCode(201)
                .extract().path("id");
        try {
            int source = users.editor().api().contentType(ContentType.JSON).body(Map.of("title", "Slow", "type", "TRANSCRIPT",
                    "text", "The pier opens in May.")).post("/api/sources").then().statusCode(201).extract().path("id");
            users.editor().api().contentType(ContentType.JSON).body(Map.of("text", "The pier opens in July."))
                    .post("/api/sources/" + source + "/versions").then().statusCode(201);
            // The well-behaved endpoint gets its delivery although the other one never finishes answering.
            awaitReceived(r -> r.json().path("type").asText().equals("source.corrected"), 1);
            for (int i = 0; i < 60; i++) {
                String error = admin.api().queryParam("endpointId", slow).get("/api/webhooks/deliveries").then()
                        .extract().path("items[0].lastError");
                if (error != null) {
                    assertThat(error).contains("No complete answer within 2 s");
                    return;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the slow receiver's delivery was never cut off");
        } finally {
            admin.api().delete("/api/webhooks/" + slow).then().statusCode(204);
        }
    }

    private int awaitDelivered() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<Integer> ids = admin.api().queryParam("endpointId", endpoint).get("/api/webhooks/deliveries").then()
                    .extract().path("items.findAll { it.state == 'DELIVERED' }.id");
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no delivery was marked delivered");
    }

    /** The quote of an article, with evidence, approved by a reviewer after the article's other claims were dismissed. */
    private int approvedClaim(TestUser editor) {
        int article = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Pier " + UUID.randomUUID(),
                        "body", "Mayor Dana Whitfield said, “The pier opens in May.”"))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        int claim = editor.api().get("/api/articles/" + article + "/claims").then().extract().path("find { it.type == 'DIRECT_QUOTE' }.id");
        List<Integer> others = editor.api().get("/api/articles/" + article + "/claims").then().extract()
                .path("findAll { it.type != 'DIRECT_QUOTE' }.id");
        for (int other : others) {
            act(editor, other, Map.of("action", "DISMISS", "note", "The quote covers it."));
        }
        act(editor, claim, Map.of("action", "TAKE"));
        int source = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Readout", "type", "TRANSCRIPT",
                "text", "WHITFIELD: The pier opens in May.")).post("/api/sources").then().statusCode(201).extract().path("id");
        editor.api().contentType(ContentType.JSON).body(Map.of("sourceId", source)).post("/api/claims/" + claim + "/evidence")
                .then().statusCode(201);
        act(editor, claim, Map.of("action", "SUBMIT", "rating", "ACCURATE", "note", "Word for word."));
        act(users.reviewer(), claim, Map.of("action", "APPROVE"));
        return claim;
    }

    private static void act(TestUser user, int claim, Map<String, Object> body) {
        int version = user.api().get("/api/claims/" + claim).then().extract().path("version");
        Map<String, Object> withVersion = new java.util.HashMap<>(body);
        withVersion.put("version", version);
        user.api().contentType(ContentType.JSON).body(withVersion).post("/api/claims/" + claim + "/transitions").then().statusCode(200);
    }

    private List<Received> snapshot() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private List<Received> awaitReceived(Predicate<Received> wanted, int count) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            List<Received> matching = snapshot().stream().filter(wanted).toList();
            if (matching.size() >= count) {
                return matching;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the receiver got " + snapshot().size() + " requests, not the expected ones: "
                + snapshot().stream().map(r -> r.answeredWith() + " " + r.body()).toList());
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}

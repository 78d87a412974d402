package org.quotecheck.webhook;

import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quotecheck.jobs.Worker;
import org.quotecheck.jobs.Workers;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Deliveries per endpoint: one in flight per endpoint while other endpoints are served, a receiver that never
 * answers holding up only itself, and an endpoint paused after repeated failures until an administrator resumes it.
 * The claim tests stop this instance's senders and drive the queue themselves, so that nothing depends on timing.
 */
@QuarkusTest
class WebhookSendersTest {

    private static final String SECRET = "senders-test-secret-" + UUID.randomUUID();

    @Inject
    TestUsers users;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    Workers workers;

    @Inject
    AgroalDataSource dataSource;

    private HttpServer receiver;
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();
    private final CountDownLatch hangUntil = new CountDownLatch(1);
    private volatile int answer = 500;
    private final List<Integer> endpoints = new ArrayList<>();
    private TestUser admin;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (String path : List.of("/a", "/b", "/healthy", "/hang", "/flaky")) {
            receiver.createContext(path, exchange -> {
                exchange.getRequestBody().readAllBytes();
                int now = inFlight.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                mostAtOnce.computeIfAbsent(path, p -> new AtomicInteger()).accumulateAndGet(now, Math::max);
                received.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                try {
                    if (path.equals("/hang")) {
                        hangUntil.await(30, TimeUnit.SECONDS); // far past the sender's deadline
                    }
                    exchange.sendResponseHeaders(path.equals("/flaky") ? answer : 200, -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.get(path).decrementAndGet();
                    exchange.close();
                }
            });
        }
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.start();
        admin = users.admin();
    }

    @AfterEach
    void stopReceiver() {
        hangUntil.countDown();
        for (int endpoint : endpoints) {
            admin.api().delete("/api/webhooks/" + endpoint).then().statusCode(204);
        }
        receiver.stop(0);
    }

    @Test
    void aBusyEndpointGetsNoSecondDeliveryWhileOtherEndpointsAreServed() throws Exception {
        int a = endpoint("/a", List.of("claim.approved"));
        int b = endpoint("/b", List.of("claim.approved"));
        withSendersStopped(() -> {
            List<Long> ofA = List.of(delivery(a, 4), delivery(a, 3), delivery(a, 2));
            long ofB = delivery(b, 1);
            WebhookDeliveries.Claimed first = deliveries.claim().orElseThrow();
            assertThat(first.id()).as("the oldest ready delivery").isEqualTo(ofA.get(0));
            WebhookDeliveries.Claimed second = deliveries.claim().orElseThrow();
            assertThat(second.id()).as("not A's next one while A has one in flight: B's").isEqualTo(ofB);
            Optional<WebhookDeliveries.Claimed> third = deliveries.claim();
            assertThat(third.map(WebhookDeliveries.Claimed::endpointId)).as("neither A nor B again")
                    .isNotIn(Optional.of((long) a), Optional.of((long) b));

            // However many senders claim at once, each endpoint has at most one delivery in flight.
            execute("UPDATE webhook_delivery SET state = 'PENDING', locked_by = NULL, locked_until = NULL, attempts = 0"
                    + " WHERE endpoint_id IN (" + a + ", " + b + ")");
            execute("UPDATE webhook_endpoint SET busy_by = NULL, busy_until = NULL WHERE id IN (" + a + ", " + b + ")");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Optional<WebhookDeliveries.Claimed>>> claims = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    claims.add(pool.submit(() -> {
                        go.await();
                        return deliveries.claim();
                    }));
                }
                go.countDown();
                List<Long> ofEndpoints = new ArrayList<>();
                for (var claim : claims) {
                    claim.get(30, TimeUnit.SECONDS).map(WebhookDeliveries.Claimed::endpointId)
                            .filter(e -> e == a || e == b).ifPresent(ofEndpoints::add);
                }
                assertThat(ofEndpoints).containsExactlyInAnyOrder((long) a, (long) b);
            } finally {
                pool.shutdownNow();
            }
            execute("UPDATE webhook_delivery SET state = 'DELIVERED', locked_by = NULL, locked_until = NULL"
                    + " WHERE endpoint_id IN (" + a + ", " + b + ")");
            execute("UPDATE webhook_endpoint SET busy_by = NULL, busy_until = NULL WHERE id IN (" + a + ", " + b + ")");
        });
    }

    @Test
    void aReceiverThatNeverAnswersHoldsUpOnlyItsOwnDeliveries() throws Exception {
        int hang = endpoint("/hang", List.of("claim.approved"));
        int healthy = endpoint("/healthy", List.of("claim.approved"));
        for (int i = 3; i >= 1; i--) {
            delivery(hang, i);
            delivery(healthy, i);
        }
        deliveries.wake();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(received, "/healthy") < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(count(received, "/healthy")).as("every delivery to the healthy receiver").isEqualTo(3);
        assertThat(count(received, "/hang")).as("the dead receiver was tried").isPositive();
        // One sender for everyone would have waited out each of the dead receiver's three deliveries (2 s apiece
        // here) before the healthy one's last: by then all three had reached it.
        assertThat(count(received, "/hang")).as("healthy deliveries did not wait for the dead receiver's").isLessThan(3);
        assertThat(count(mostAtOnce, "/hang")).as("never two requests at once to one receiver").isEqualTo(1);
        assertThat(count(mostAtOnce, "/healthy")).isEqualTo(1);
    }

    @Test
    void anEndpointThatKeepsFailingIsPausedUntilAnAdministratorResumesIt() throws Exception {
        int flaky = endpoint("/flaky", List.of("claim.approved"));
        withSendersStopped(() -> {
            long delivery = delivery(flaky, 1);
            for (int attempt = 1; attempt <= 10; attempt++) {
                execute("UPDATE webhook_delivery SET run_after = now() - interval '1 day' WHERE id = " + delivery);
                assertThat(deliveries.sendOne()).isTrue();
            }
            assertThat(count(received, "/flaky")).isEqualTo(10);
            admin.api().get("/api/webhooks/" + flaky).then().statusCode(200).body("paused", equalTo(true))
                    .body("failuresInARow", equalTo(10)).body("lastFailure", equalTo("The receiver answered 500"))
                    .body("waiting", equalTo(1));
            // Paused: due or not, nothing more is sent to it.
            execute("UPDATE webhook_delivery SET run_after = now() - interval '1 day' WHERE id = " + delivery);
            deliveries.claim().ifPresent(other -> assertThat(other.endpointId()).isNotEqualTo((long) flaky));
            assertThat(count(received, "/flaky")).isEqualTo(10);

            String page = admin.signIn().get("/admin/webhooks").asString();
            assertThat(page).contains("id=\"paused-" + flaky + "\"").contains("after 10 failed attempts in a row")
                    .contains("action=\"/admin/webhooks/" + flaky + "/resume\"");
            users.editor().api().post("/api/webhooks/" + flaky + "/resume").then().statusCode(403);

            answer = 200;
            admin.api().post("/api/webhooks/" + flaky + "/resume").then().statusCode(200).body("paused", equalTo(false))
                    .body("failuresInARow", equalTo(0));
            assertThat(scalar("SELECT run_after <= now() AND first_attempt_at IS NULL FROM webhook_delivery WHERE id = " + delivery))
                    .as("due at once, with a full retry period").isEqualTo("t");
            execute("UPDATE webhook_delivery SET run_after = now() - interval '1 day' WHERE id = " + delivery);
            assertThat(deliveries.sendOne()).isTrue();
            assertThat(count(received, "/flaky")).isEqualTo(11);
            admin.api().queryParam("endpointId", flaky).get("/api/webhooks/deliveries").then()
                    .body("items[0].state", equalTo("DELIVERED"));
            assertThat(admin.signIn().get("/admin/audit").asString()).contains("Resumed a paused webhook endpoint");
        });
    }

    private interface Body {
        void run() throws Exception;
    }

    /** Stops this instance's senders around {@code body}, so that only the test claims deliveries. */
    private void withSendersStopped(Body body) throws Exception {
        List<Worker> senders = workers.all().stream().filter(w -> w.name().startsWith("quotecheck-webhooks-")).toList();
        assertThat(senders).isNotEmpty();
        for (Worker sender : senders) {
            sender.stop(Duration.ofSeconds(10));
        }
        try {
            body.run();
        } finally {
            senders.forEach(Worker::start);
        }
    }

    private int endpoint(String path, List<String> events) {
        int id = admin.api().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort()
                + path, "secret", SECRET, "events", events)).post("/api/webhooks").then().statusCode(201).extract().path("id");
        endpoints.add(id);
        return id;
    }

    /**
     * A delivery due since a day and {@code secondsEarlier} seconds: older than anything another test left, so the
     * queue takes these first.
     */
    private long delivery(int endpoint, int secondsEarlier) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO webhook_delivery"
                + " (endpoint_id, event_id, event_type, subject, occurred_at, data, run_after) VALUES (?, gen_random_uuid(),"
                + " 'claim.approved', ?, now(), '{}', now() - interval '1 day' - make_interval(secs => ?)) RETURNING id")) {
            s.setLong(1, endpoint);
            s.setString(2, "claim:" + UUID.randomUUID());
            s.setInt(3, secondsEarlier);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String scalar(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static int count(Map<String, AtomicInteger> counts, String path) {
        AtomicInteger n = counts.get(path);
        return n == null ? 0 : n.get();
    }
}

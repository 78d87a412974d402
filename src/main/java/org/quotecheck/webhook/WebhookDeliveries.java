package org.quotecheck.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;
import org.quotecheck.config.QuotecheckConfig;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable delivery queue and this instance's worker. Each delivery is claimed with {@code FOR UPDATE SKIP LOCKED}
 * (two instances never send the same one at once), only when no earlier delivery of the same subject to the same
 * endpoint is still open (in order per claim), and held for a lease longer than the request time-out. A 2xx answer
 * marks it DELIVERED and it is never sent again; anything else is retried with exponential backoff until the retry
 * period (25 hours by default) has passed, then it is FAILED and can be redelivered by hand.
 */
@ApplicationScoped
public class WebhookDeliveries {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    QuotecheckConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final String name = ManagementFactory.getRuntimeMXBean().getName() + "/webhooks/" + UUID.randomUUID().toString().substring(0, 8);
    private final Object signal = new Object();
    private volatile boolean running;
    private volatile Thread thread;
    private HttpClient client;

    /** A delivery as the worker holds it. */
    /** {@code firstAttemptAt}: the retry period counts from here, not from queueing (a delivery may wait its turn). */
    record Claimed(long id, long endpointId, String eventId, String eventType, OffsetDateTime occurredAt, String data,
                   int attempts, OffsetDateTime firstAttemptAt, boolean redelivery) {
    }

    void start(@Observes StartupEvent event) {
        client = HttpClient.newBuilder().connectTimeout(config.webhooks().timeout()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        if (!config.webhooks().enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "quotecheck-webhooks");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        Thread t = thread;
        if (t != null) {
            wake();
            t.interrupt();
            t.join(10_000);
        }
    }

    /** Wakes this instance's worker once the current transaction commits (the deliveries are visible then). */
    void wakeAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                if (!sendOne()) {
                    synchronized (signal) {
                        signal.wait(config.webhooks().idlePoll().toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Webhook deliveries paused: %s", e.getMessage());
                try {
                    Thread.sleep(config.webhooks().idlePoll().toMillis() * 5);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Claims and sends one delivery; false when none is due. Public for tests that drive the queue step by step. */
    public boolean sendOne() {
        Optional<Claimed> claimed = claim();
        if (claimed.isEmpty()) {
            return false;
        }
        Claimed delivery = claimed.get();
        Endpoint endpoint = endpoint(delivery.endpointId());
        if (endpoint == null) {
            finish(delivery, "state = 'FAILED', last_error = ?", "Endpoint removed");
            return true;
        }
        Optional<String> refused = WebhookUrls.refusal(endpoint.url(), config.webhooks().allowPrivate(), WebhookUrls.DNS);
        if (refused.isPresent()) {
            failed(delivery, null, "Refused: " + refused.get());
            return true;
        }
        long timestamp = System.currentTimeMillis() / 1000;
        byte[] body = body(delivery, timestamp);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(config.webhooks().timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Quotecheck-Webhooks/1")
                    .header("X-Quotecheck-Event", delivery.eventType())
                    .header("X-Quotecheck-Delivery", delivery.eventId())
                    .header("X-Quotecheck-Timestamp", Long.toString(timestamp))
                    .header("X-Quotecheck-Signature", WebhookSignatures.sign(endpoint.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            // One deadline for the whole exchange, body included: a receiver that sends its answer a byte at a
            // time cannot hold the worker (the request time-out alone covers only the wait for the headers).
            java.util.concurrent.CompletableFuture<HttpResponse<Void>> exchange =
                    client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            HttpResponse<Void> response;
            try {
                response = exchange.get(config.webhooks().timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                exchange.cancel(true);
                failed(delivery, null, "No complete answer within " + config.webhooks().timeout().toSeconds() + " s");
                return true;
            } catch (java.util.concurrent.ExecutionException e) {
                failed(delivery, null, explain(e.getCause() == null ? e : e.getCause()));
                return true;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                finish(delivery, "state = 'DELIVERED', delivered_at = now(), last_status = ?, last_error = NULL", status);
            } else {
                failed(delivery, status, "The receiver answered " + status);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(delivery, null, "Interrupted while sending");
        } catch (IllegalArgumentException e) {
            failed(delivery, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return true;
    }

    /** What went wrong, in words an administrator reads on the deliveries page. */
    static String explain(Throwable failure) {
        String detail = failure.getMessage() == null || failure.getMessage().isBlank() ? "" : " (" + failure.getMessage() + ")";
        if (failure instanceof java.net.http.HttpConnectTimeoutException) {
            return "Could not connect in time";
        }
        if (failure instanceof java.net.ConnectException) {
            return "Could not connect: the receiver refused or is down";
        }
        if (failure instanceof java.net.http.HttpTimeoutException) {
            return "No answer in time";
        }
        if (failure instanceof java.net.UnknownHostException) {
            return "The host name does not resolve" + detail;
        }
        if (failure instanceof javax.net.ssl.SSLException) {
            return "The TLS connection failed" + detail;
        }
        if (failure instanceof java.io.IOException) {
            return "The connection broke" + detail;
        }
        return failure.getClass().getSimpleName() + detail;
    }

    /** What is sent: the event with its data as it was when it happened, and the time of this attempt. */
    private byte[] body(Claimed delivery, long timestamp) {
        try {
            ObjectNode node = json.createObjectNode();
            node.put("id", delivery.eventId());
            node.put("type", delivery.eventType());
            node.put("occurredAt", delivery.occurredAt().toString());
            node.put("timestamp", timestamp);
            node.put("attempt", delivery.attempts());
            node.put("redelivery", delivery.redelivery());
            node.set("data", json.readTree(delivery.data()));
            return json.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("webhook data of delivery " + delivery.id() + " is not JSON", e);
        }
    }

    private record Endpoint(String url, String secret) {
    }

    private Endpoint endpoint(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT url, secret FROM webhook_endpoint WHERE id = ? AND deleted_at IS NULL")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Endpoint(r.getString(1), r.getString(2)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read webhook endpoint " + id, e);
        }
    }

    Optional<Claimed> claim() {
        String sql = "UPDATE webhook_delivery SET state = 'RUNNING', attempts = attempts + 1, locked_by = ?,"
                + " locked_until = now() + ?::interval, last_attempt_at = now(), first_attempt_at = coalesce(first_attempt_at, now())"
                + " WHERE id = (SELECT d.id FROM webhook_delivery d WHERE d.run_after <= now()"
                + " AND (d.state = 'PENDING' OR d.state = 'RUNNING' AND d.locked_until < now())"
                + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery e WHERE e.endpoint_id = d.endpoint_id"
                + " AND e.subject = d.subject AND e.id < d.id AND e.state IN ('PENDING', 'RUNNING'))"
                + " ORDER BY d.run_after, d.id FOR UPDATE SKIP LOCKED LIMIT 1)"
                + " RETURNING id, endpoint_id, cast(event_id AS text), event_type, occurred_at, data, attempts, first_attempt_at,"
                + " redelivery_of IS NOT NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            s.setString(2, (config.webhooks().timeout().toSeconds() * 3 + 30) + " seconds");
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Claimed(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4),
                        r.getObject(5, OffsetDateTime.class), r.getString(6), r.getInt(7), r.getObject(8, OffsetDateTime.class),
                        r.getBoolean(9)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim a webhook delivery", e);
        }
    }

    /** A failed attempt: tried again after a doubling wait, or given up once the retry period is over. */
    private void failed(Claimed delivery, Integer status, String error) {
        String message = error.length() > 500 ? error.substring(0, 500) : error;
        Duration age = Duration.between(delivery.firstAttemptAt(), OffsetDateTime.now());
        if (age.compareTo(config.webhooks().retryFor()) >= 0) {
            finish(delivery, "state = 'FAILED', last_status = ?, last_error = ?", status, message);
            LOG.warnf("Webhook delivery %d (%s) given up after %d attempts: %s", delivery.id(), delivery.eventType(),
                    delivery.attempts(), message);
            return;
        }
        double base = config.webhooks().retryBase().toMillis();
        long wait = (long) Math.min(config.webhooks().maxBackoff().toMillis(), base * Math.pow(2, delivery.attempts() - 1));
        finish(delivery, "state = 'PENDING', run_after = now() + ?::interval, last_status = ?, last_error = ?",
                wait + " milliseconds", status, message);
    }

    private void finish(Claimed delivery, String set, Object... values) {
        String sql = "UPDATE webhook_delivery SET " + set + ", locked_by = NULL, locked_until = NULL"
                + " WHERE id = ? AND locked_by = ? AND state = 'RUNNING'";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (Object value : values) {
                if (value == null) {
                    s.setNull(i++, java.sql.Types.INTEGER);
                } else {
                    s.setObject(i++, value);
                }
            }
            s.setLong(i++, delivery.id());
            s.setString(i, name);
            if (s.executeUpdate() != 1) {
                LOG.infof("Webhook delivery %d was taken over by another worker before it finished here", delivery.id());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not update webhook delivery " + delivery.id(), e);
        }
    }
}

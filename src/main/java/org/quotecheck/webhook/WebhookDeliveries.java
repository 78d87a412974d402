package org.quotecheck.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
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
 * The durable delivery queue and this instance's senders. A sender claims the oldest ready delivery of an endpoint
 * that has none in flight, with {@code FOR UPDATE SKIP LOCKED} on both (two senders, of this or any instance, never
 * send the same delivery, nor two to one endpoint at once), only when no earlier delivery of the same subject to the
 * same endpoint is still open (in order per claim); delivery and endpoint are held for a lease longer than the
 * request time-out. Several senders serve several endpoints at once, so a receiver that never answers holds up only
 * its own deliveries. A 2xx answer marks a delivery DELIVERED and it is never sent again; anything else is retried
 * with exponential backoff until the retry period (25 hours by default) has passed, then it is FAILED and can be
 * redelivered by hand. An endpoint that failed {@code pause-after} attempts in a row is paused until an
 * administrator resumes it.
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

    @Inject
    org.quotecheck.jobs.Workers workers;

    private final String name = ManagementFactory.getRuntimeMXBean().getName() + "/webhooks/" + UUID.randomUUID().toString().substring(0, 8);
    private final java.util.List<org.quotecheck.jobs.Worker> senders = new java.util.concurrent.CopyOnWriteArrayList<>();
    private HttpClient client;

    /** A delivery as a sender holds it. */
    /** {@code firstAttemptAt}: the retry period counts from here, not from queueing (a delivery may wait its turn). */
    record Claimed(long id, long endpointId, String eventId, String eventType, OffsetDateTime occurredAt, String data,
                   int attempts, OffsetDateTime firstAttemptAt, boolean redelivery) {
    }

    void start(@Observes StartupEvent event) {
        Duration connect = config.webhooks().connectTimeout().compareTo(config.webhooks().timeout()) < 0
                ? config.webhooks().connectTimeout() : config.webhooks().timeout();
        client = HttpClient.newBuilder().connectTimeout(connect).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        if (!config.webhooks().enabled()) {
            return;
        }
        for (int i = 1; i <= Math.max(1, config.webhooks().senders()); i++) {
            // The database may be away for a moment: a sender pauses and tries again, and never dies of it.
            senders.add(workers.start("quotecheck-webhooks-" + i, this::sendOne, config.webhooks().idlePoll(),
                    config.webhooks().idlePoll().multipliedBy(5)));
        }
    }

    /** Wakes this instance's senders once the current transaction commits (the deliveries are visible then). */
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
        senders.forEach(org.quotecheck.jobs.Worker::wake);
    }

    /** Claims and sends one delivery; false when none is due. Public for tests that drive the queue step by step. */
    public boolean sendOne() {
        Optional<Claimed> claimed = claim();
        if (claimed.isEmpty()) {
            return false;
        }
        Claimed delivery = claimed.get();
        try {
            send(delivery);
        } catch (Throwable unexpected) {
            // Whatever this delivery meets fails this attempt only (retried like any failure), never the sender.
            LOG.errorf(unexpected, "Webhook delivery %d failed unexpectedly", delivery.id());
            failed(delivery, null, "Quotecheck could not send it: " + unexpected.getClass().getSimpleName());
        }
        return true;
    }

    private void send(Claimed delivery) {
        Endpoint endpoint = endpoint(delivery.endpointId());
        if (endpoint == null) {
            finish(delivery, Outcome.NEUTRAL, "state = 'FAILED', last_error = ?", "Endpoint removed");
            return;
        }
        Optional<String> refused = WebhookUrls.refusal(endpoint.url(), config.webhooks().allowPrivate(), WebhookUrls.DNS);
        if (refused.isPresent()) {
            failed(delivery, null, "Refused: " + refused.get());
            return;
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
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                failed(delivery, null, explain(e.getCause() == null ? e : e.getCause()));
                return;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                finish(delivery, Outcome.SUCCESS, "state = 'DELIVERED', delivered_at = now(), last_status = ?, last_error = NULL", status);
            } else {
                failed(delivery, status, "The receiver answered " + status);
            }
        } catch (InterruptedException e) {
            // Recorded first: with the thread's interrupt flag set again, the database connection would refuse.
            failed(delivery, null, "Interrupted while sending");
            Thread.currentThread().interrupt();
        } catch (IllegalArgumentException e) {
            failed(delivery, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
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

    /**
     * The oldest ready delivery whose endpoint has nothing in flight and is not paused, with the endpoint now held by
     * this instance: in one transaction, both rows locked and skipped when another sender holds them. An endpoint
     * held since this statement's snapshot is checked again on its newest row, so two senders never hold one endpoint.
     */
    Optional<Claimed> claim() {
        String pick = "SELECT d.id, d.endpoint_id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id"
                + " WHERE d.run_after <= now() AND (d.state = 'PENDING' OR d.state = 'RUNNING' AND d.locked_until < now())"
                + " AND (e.busy_until IS NULL OR e.busy_until < now()) AND e.paused_at IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery o WHERE o.endpoint_id = d.endpoint_id"
                + " AND o.subject = d.subject AND o.id < d.id AND o.state IN ('PENDING', 'RUNNING'))"
                + " ORDER BY d.run_after, d.id LIMIT 1 FOR UPDATE OF d, e SKIP LOCKED";
        String take = "UPDATE webhook_delivery SET state = 'RUNNING', attempts = attempts + 1, locked_by = ?,"
                + " locked_until = now() + ?::interval, last_attempt_at = now(), first_attempt_at = coalesce(first_attempt_at, now())"
                + " WHERE id = ? RETURNING id, endpoint_id, cast(event_id AS text), event_type, occurred_at, data, attempts,"
                + " first_attempt_at, redelivery_of IS NOT NULL";
        String hold = "UPDATE webhook_endpoint SET busy_by = ?, busy_until = now() + ?::interval WHERE id = ?";
        String lease = (config.webhooks().timeout().toSeconds() * 3 + 30) + " seconds";
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                long deliveryId;
                long endpointId;
                try (PreparedStatement s = c.prepareStatement(pick); ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        c.commit();
                        return Optional.empty();
                    }
                    deliveryId = r.getLong(1);
                    endpointId = r.getLong(2);
                }
                Claimed claimed;
                try (PreparedStatement s = c.prepareStatement(take)) {
                    s.setString(1, name);
                    s.setString(2, lease);
                    s.setLong(3, deliveryId);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        claimed = new Claimed(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4),
                                r.getObject(5, OffsetDateTime.class), r.getString(6), r.getInt(7), r.getObject(8, OffsetDateTime.class),
                                r.getBoolean(9));
                    }
                }
                try (PreparedStatement s = c.prepareStatement(hold)) {
                    s.setString(1, name);
                    s.setString(2, lease);
                    s.setLong(3, endpointId);
                    s.executeUpdate();
                }
                c.commit();
                return Optional.of(claimed);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
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
            finish(delivery, Outcome.FAILURE, "state = 'FAILED', last_status = ?, last_error = ?", status, message);
            LOG.warnf("Webhook delivery %d (%s) given up after %d attempts: %s", delivery.id(), delivery.eventType(),
                    delivery.attempts(), message);
            return;
        }
        double base = config.webhooks().retryBase().toMillis();
        long wait = (long) Math.min(config.webhooks().maxBackoff().toMillis(), base * Math.pow(2, delivery.attempts() - 1));
        finish(delivery, Outcome.FAILURE, "state = 'PENDING', run_after = now() + ?::interval, last_status = ?, last_error = ?",
                wait + " milliseconds", status, message);
    }

    /** What an attempt says about its endpoint: it works, it failed once more, or nothing (it was removed). */
    private enum Outcome { SUCCESS, FAILURE, NEUTRAL }

    /**
     * Records the attempt and lets go of the delivery and its endpoint, in one transaction: a success resets the
     * endpoint's failures in a row; a failure adds one, and the one that reaches {@code pause-after} pauses it.
     */
    private void finish(Claimed delivery, Outcome outcome, String set, Object... values) {
        String sql = "UPDATE webhook_delivery SET " + set + ", locked_by = NULL, locked_until = NULL"
                + " WHERE id = ? AND locked_by = ? AND state = 'RUNNING'";
        String release = "UPDATE webhook_endpoint SET busy_by = NULL, busy_until = NULL" + switch (outcome) {
            case SUCCESS -> ", failures_in_a_row = 0, last_failure = NULL";
            case FAILURE -> ", failures_in_a_row = failures_in_a_row + 1, last_failure = ?,"
                    + " paused_at = CASE WHEN paused_at IS NULL AND failures_in_a_row + 1 >= ? THEN now() ELSE paused_at END";
            case NEUTRAL -> "";
        } + " WHERE id = ? AND busy_by = ? RETURNING paused_at IS NOT NULL";
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                boolean ours;
                try (PreparedStatement s = c.prepareStatement(sql)) {
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
                    ours = s.executeUpdate() == 1;
                }
                if (!ours) {
                    LOG.infof("Webhook delivery %d was taken over by another worker before it finished here", delivery.id());
                    c.commit();
                    return;
                }
                try (PreparedStatement s = c.prepareStatement(release)) {
                    int i = 1;
                    if (outcome == Outcome.FAILURE) {
                        Object error = values.length == 0 ? null : values[values.length - 1];
                        s.setString(i++, error == null ? null : error.toString());
                        s.setInt(i++, Math.max(1, config.webhooks().pauseAfter()));
                    }
                    s.setLong(i++, delivery.endpointId());
                    s.setString(i, name);
                    try (ResultSet r = s.executeQuery()) {
                        if (outcome == Outcome.FAILURE && r.next() && r.getBoolean(1)) {
                            LOG.warnf("Webhook endpoint %d is paused after %d failed attempts in a row; an administrator"
                                    + " resumes it on the webhooks page", delivery.endpointId(), config.webhooks().pauseAfter());
                        }
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not update webhook delivery " + delivery.id(), e);
        }
    }
}

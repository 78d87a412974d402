package org.quotecheck.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.quotecheck.audit.AuditLog;
import org.quotecheck.config.QuotecheckConfig;
import org.quotecheck.user.User;
import org.quotecheck.web.FieldError;
import org.quotecheck.web.InvalidInputException;
import org.quotecheck.web.NotFoundProblem;
import org.quotecheck.web.PageResult;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Webhook endpoints and their deliveries: registering and removing endpoints (administrators), queueing one delivery
 * per subscribed endpoint for each event, in the transaction of the change it reports, and the list of recent
 * deliveries with redelivery.
 */
@ApplicationScoped
public class WebhookService {

    /** The events an endpoint may ask for, in the order the page lists them. */
    public static final List<String> EVENTS = List.of("claim.submitted", "claim.approved", "claim.returned",
            "claim.reopened", "article.checked", "source.corrected");

    @Inject
    EntityManager entityManager;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @Inject
    QuotecheckConfig config;

    @Inject
    WebhookDeliveries deliveries;

    /** The body of {@code POST /api/webhooks} and of the page's form. */
    public record NewEndpoint(String url, String secret, List<String> events) {
    }

    /**
     * An endpoint as lists show it; the secret is never shown again. {@code pausedAt}: when it was paused after
     * {@code failuresInARow} failed attempts in a row (nothing is sent to it until it is resumed), or null.
     */
    public record EndpointView(long id, String url, List<String> events, OffsetDateTime createdAt, String createdBy,
                               long delivered, long failing, boolean paused, OffsetDateTime pausedAt, int failuresInARow,
                               String lastFailure, long waiting) {
    }

    /** One delivery as the deliveries page and API show it. */
    public record DeliveryView(long id, long endpointId, String url, String eventId, String eventType, String subject,
                               String state, int attempts, Integer lastStatus, String lastError,
                               OffsetDateTime lastAttemptAt, OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt,
                               OffsetDateTime createdAt, Long redeliveryOf, boolean endpointRemoved) {
    }

    @Transactional
    public EndpointView register(NewEndpoint input, String administrator) {
        List<FieldError> errors = new ArrayList<>();
        String url = input == null || input.url() == null ? "" : input.url().strip();
        if (url.isEmpty()) {
            errors.add(new FieldError("url", "Give the URL that receives the deliveries."));
        } else {
            WebhookUrls.refusal(url, config.webhooks().allowPrivate(), WebhookUrls.DNS)
                    .ifPresent(reason -> errors.add(new FieldError("url", reason)));
        }
        String secret = input == null || input.secret() == null ? "" : input.secret();
        if (secret.length() < 16 || secret.length() > 200 || secret.isBlank()) {
            errors.add(new FieldError("secret", "Use a secret of 16 to 200 characters; the receiver checks each"
                    + " delivery's signature with it."));
        }
        Set<String> events = new LinkedHashSet<>();
        if (input == null || input.events() == null || input.events().isEmpty()) {
            errors.add(new FieldError("events", "Choose at least one event."));
        } else {
            for (String event : input.events()) {
                if (event == null || !EVENTS.contains(event.strip())) {
                    errors.add(new FieldError("events", "Unknown event '" + event + "': use " + String.join(", ", EVENTS) + "."));
                } else {
                    events.add(event.strip());
                }
            }
        }
        if (errors.isEmpty() && ((Number) entityManager.createNativeQuery("SELECT count(*) FROM webhook_endpoint"
                + " WHERE url = ?1 AND deleted_at IS NULL").setParameter(1, url).getSingleResult()).longValue() > 0) {
            errors.add(new FieldError("url", "This URL is already registered. Remove that endpoint first to change its"
                    + " secret or events."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        User admin = User.findByUsername(administrator).orElseThrow();
        OffsetDateTime now = OffsetDateTime.now();
        long id = ((Number) entityManager.createNativeQuery("INSERT INTO webhook_endpoint (url, secret, events, created_by,"
                        + " created_at) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id")
                .setParameter(1, url).setParameter(2, secret).setParameter(3, String.join(",", events))
                .setParameter(4, admin.id).setParameter(5, now).getSingleResult()).longValue();
        audit.record(AuditLog.Kind.WEBHOOK_CREATED, admin.id, null, null, null,
                Map.of("endpoint", id, "url", url, "events", List.copyOf(events)));
        return endpoint(id);
    }

    /** Stops sending to the endpoint; deliveries not yet made are given up, the record of past ones stays. */
    @Transactional
    public void remove(long id, String administrator) {
        User admin = User.findByUsername(administrator).orElseThrow();
        int changed = entityManager.createNativeQuery("UPDATE webhook_endpoint SET deleted_at = now(), deleted_by = ?1"
                + " WHERE id = ?2 AND deleted_at IS NULL").setParameter(1, admin.id).setParameter(2, id).executeUpdate();
        if (changed == 0) {
            endpoint(id); // 404 if it never existed; removing twice is harmless
            return;
        }
        entityManager.createNativeQuery("UPDATE webhook_delivery SET state = 'FAILED', last_error = 'Endpoint removed',"
                + " locked_by = NULL, locked_until = NULL WHERE endpoint_id = ?1 AND state = 'PENDING'")
                .setParameter(1, id).executeUpdate();
        audit.record(AuditLog.Kind.WEBHOOK_DELETED, admin.id, null, null, null, Map.of("endpoint", id));
    }

    /**
     * Sends to a paused endpoint again: its failures in a row are forgotten, and the deliveries waiting for it are due
     * at once, each with a full retry period from its next attempt.
     */
    @Transactional
    public EndpointView resume(long id, String administrator) {
        EndpointView endpoint = endpoint(id);
        if (!endpoint.paused()) {
            return endpoint;
        }
        User admin = User.findByUsername(administrator).orElseThrow();
        entityManager.createNativeQuery("UPDATE webhook_endpoint SET paused_at = NULL, failures_in_a_row = 0,"
                + " resumed_at = now(), resumed_by = ?1 WHERE id = ?2").setParameter(1, admin.id).setParameter(2, id).executeUpdate();
        entityManager.createNativeQuery("UPDATE webhook_delivery SET run_after = now(), first_attempt_at = NULL"
                + " WHERE endpoint_id = ?1 AND state = 'PENDING'").setParameter(1, id).executeUpdate();
        audit.record(AuditLog.Kind.WEBHOOK_RESUMED, admin.id, null, null, null,
                Map.of("endpoint", id, "failuresInARow", endpoint.failuresInARow()));
        deliveries.wakeAfterCommit();
        return endpoint(id);
    }

    @Transactional
    public List<EndpointView> endpoints() {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery("SELECT id FROM webhook_endpoint WHERE deleted_at IS NULL"
                + " ORDER BY id").getResultList();
        return ids.stream().map(n -> endpoint(n.longValue())).toList();
    }

    @Transactional
    public EndpointView endpoint(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT e.id, e.url, e.events, e.created_at, u.username,"
                        + " (SELECT count(*) FROM webhook_delivery d WHERE d.endpoint_id = e.id AND d.state = 'DELIVERED'),"
                        + " (SELECT count(*) FROM webhook_delivery d WHERE d.endpoint_id = e.id AND d.state IN ('PENDING', 'RUNNING')"
                        + "  AND d.attempts > 0),"
                        + " e.paused_at, e.failures_in_a_row, e.last_failure,"
                        + " (SELECT count(*) FROM webhook_delivery d WHERE d.endpoint_id = e.id AND d.state IN ('PENDING', 'RUNNING'))"
                        + " FROM webhook_endpoint e JOIN app_user u ON u.id = e.created_by WHERE e.id = ?1 AND e.deleted_at IS NULL")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundProblem("No webhook endpoint with id " + id + ".");
        }
        Object[] r = rows.get(0);
        return new EndpointView(((Number) r[0]).longValue(), (String) r[1], Arrays.asList(((String) r[2]).split(",")),
                time(r[3]), (String) r[4], ((Number) r[5]).longValue(), ((Number) r[6]).longValue(), r[7] != null, time(r[7]),
                ((Number) r[8]).intValue(), (String) r[9], ((Number) r[10]).longValue());
    }

    /** Whether any endpoint asked for this event: the work of describing one is skipped when nobody did. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean wanted(String eventType) {
        return !entityManager.createNativeQuery("SELECT 1 FROM webhook_endpoint WHERE deleted_at IS NULL"
                + " AND ?1 = ANY (string_to_array(events, ',')) LIMIT 1").setParameter(1, eventType).getResultList().isEmpty();
    }

    /**
     * Queues the event for every endpoint that asked for it, in the caller's transaction. {@code subject} orders the
     * deliveries ("claim:12"): an endpoint gets one subject's events in the order they happened.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int enqueue(String eventType, String subject, Map<String, ?> data) {
        String body;
        try {
            body = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook data not serialisable", e);
        }
        int queued = entityManager.createNativeQuery("INSERT INTO webhook_delivery (endpoint_id, event_id, event_type, subject,"
                        + " occurred_at, data) SELECT id, cast(?1 AS uuid), ?2, ?3, ?4, ?5 FROM webhook_endpoint"
                        + " WHERE deleted_at IS NULL AND ?2 = ANY (string_to_array(events, ','))")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, eventType).setParameter(3, subject)
                .setParameter(4, OffsetDateTime.now()).setParameter(5, body).executeUpdate();
        if (queued > 0) {
            deliveries.wakeAfterCommit();
        }
        return queued;
    }

    /** Recent deliveries, newest first; of one endpoint when {@code endpointId} is given. */
    @Transactional
    public PageResult<DeliveryView> recent(Long endpointId, int page, int size) {
        String where = endpointId == null ? "" : " WHERE d.endpoint_id = :endpoint";
        var query = entityManager.createNativeQuery("SELECT d.id, d.endpoint_id, e.url, cast(d.event_id AS text), d.event_type,"
                + " d.subject, d.state, d.attempts, d.last_status, d.last_error, d.last_attempt_at, d.run_after, d.delivered_at,"
                + " d.created_at, d.redelivery_of, e.deleted_at IS NOT NULL FROM webhook_delivery d"
                + " JOIN webhook_endpoint e ON e.id = d.endpoint_id"
                + where + " ORDER BY d.created_at DESC, d.id DESC LIMIT :size OFFSET :skip")
                .setParameter("size", size).setParameter("skip", (long) (page - 1) * size);
        var count = entityManager.createNativeQuery("SELECT count(*) FROM webhook_delivery d" + where);
        if (endpointId != null) {
            query.setParameter("endpoint", endpointId);
            count.setParameter("endpoint", endpointId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<DeliveryView> items = rows.stream().map(r -> {
            String state = (String) r[6];
            boolean waiting = state.equals("PENDING") || state.equals("RUNNING");
            return new DeliveryView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], state, ((Number) r[7]).intValue(), r[8] == null ? null : ((Number) r[8]).intValue(),
                    (String) r[9], time(r[10]), waiting ? time(r[11]) : null, time(r[12]), time(r[13]),
                    r[14] == null ? null : ((Number) r[14]).longValue(), Boolean.TRUE.equals(r[15]));
        }).toList();
        return new PageResult<>(items, page, size, ((Number) count.getSingleResult()).longValue());
    }

    /**
     * Sends a delivery again, as a new delivery of the same event (same event id, so a receiver can tell) with the
     * data as it was then. Refused while the original is still being tried.
     */
    @Transactional
    public DeliveryView redeliver(long deliveryId, String administrator) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT d.state, e.deleted_at FROM webhook_delivery d"
                + " JOIN webhook_endpoint e ON e.id = d.endpoint_id WHERE d.id = ?1").setParameter(1, deliveryId).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundProblem("No webhook delivery with id " + deliveryId + ".");
        }
        if (rows.get(0)[1] != null) {
            throw new org.quotecheck.web.ConflictException("This delivery's endpoint was removed.");
        }
        String state = (String) rows.get(0)[0];
        if (state.equals("PENDING") || state.equals("RUNNING")) {
            throw new org.quotecheck.web.ConflictException("This delivery is still being tried; wait for it to succeed or fail.");
        }
        long id = ((Number) entityManager.createNativeQuery("INSERT INTO webhook_delivery (endpoint_id, event_id, event_type,"
                        + " subject, occurred_at, data, redelivery_of) SELECT endpoint_id, event_id, event_type, subject,"
                        + " occurred_at, data, id FROM webhook_delivery WHERE id = ?1 RETURNING id")
                .setParameter(1, deliveryId).getSingleResult()).longValue();
        User admin = User.findByUsername(administrator).orElseThrow();
        audit.record(AuditLog.Kind.WEBHOOK_REDELIVERED, admin.id, null, null, null, Map.of("delivery", deliveryId, "redelivery", id));
        deliveries.wakeAfterCommit();
        return recentOne(id).orElseThrow();
    }

    private Optional<DeliveryView> recentOne(long id) {
        Long endpoint = ((Number) entityManager.createNativeQuery("SELECT endpoint_id FROM webhook_delivery WHERE id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
        return recent(endpoint, 1, PageResult.MAX_SIZE).items().stream().filter(d -> d.id() == id).findFirst();
    }

    static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}

package org.quotecheck.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The audit trail's entries that are not a claim's review steps: a deleted article, a created account, changed
 * roles. Written in the caller's transaction, so the change and its record land together or not at all; the table
 * is append-only (privileges and triggers, V7).
 */
@ApplicationScoped
public class AuditLog {

    public enum Kind {
        ARTICLE_DELETED, USER_CREATED, ROLES_CHANGED, TOKEN_CREATED, TOKEN_REVOKED, WEBHOOK_CREATED, WEBHOOK_DELETED,
        WEBHOOK_REDELIVERED, WEBHOOK_RESUMED
    }

    /** One entry as the audit page shows it. */
    public record Entry(long id, OffsetDateTime at, String kind, String actor, Long articleId, String subject, String note,
                        String details) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Kind kind, long actorId, Long articleId, Long subjectUserId, String note, Map<String, ?> details) {
        try {
            entityManager.createNativeQuery("INSERT INTO audit_event (actor_id, at, kind, article_id, subject_user_id, note,"
                            + " details) VALUES (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 AS jsonb))")
                    .setParameter(1, actorId).setParameter(2, OffsetDateTime.now()).setParameter(3, kind.name())
                    .setParameter(4, articleId).setParameter(5, subjectUserId).setParameter(6, note)
                    .setParameter(7, json.writeValueAsString(details)).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details not serialisable", e);
        }
    }

    /** The latest entries of these kinds, newest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Entry> latest(int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT e.id, e.at, e.kind, a.username, e.article_id,"
                        + " s.username, e.note, cast(e.details AS text) FROM audit_event e JOIN app_user a ON a.id = e.actor_id"
                        + " LEFT JOIN app_user s ON s.id = e.subject_user_id WHERE e.claim_id IS NULL"
                        + " ORDER BY e.at DESC, e.id DESC LIMIT ?1")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), toOffset(r[1]), (String) r[2], (String) r[3],
                r[4] == null ? null : ((Number) r[4]).longValue(), (String) r[5], (String) r[6], (String) r[7])).toList();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}

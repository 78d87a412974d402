package org.quotecheck.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The kept answers to requests sent with an {@code Idempotency-Key}. Every method joins the caller's transaction: a key
 * is claimed, and its answer stored, in the transaction that writes what the request created, so the two commit or
 * roll back together. A second request with a key that is still being answered waits on the row's unique index
 * until the first commits (then finds its answer) or rolls back (then takes the key itself).
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** How long an answer is kept. */
    public static final Duration RETENTION = Duration.ofHours(24);
    private static final long PURGE_EVERY_MILLIS = Duration.ofMinutes(10).toMillis();
    static final int WAIT_SECONDS = 1;

    @Inject
    EntityManager entityManager;

    private final AtomicLong lastPurge = new AtomicLong();

    /** A kept answer: its status, {@code Location} (or null) and JSON body (or null). */
    public record Answer(String fingerprint, int status, String location, String body) {
    }

    /**
     * Claims {@code key} for {@code owner} in the current transaction, or returns the answer kept for it. An answer
     * older than the retention period is taken over as if the key were new.
     */
    Optional<Answer> claim(String owner, String key, String fingerprint) {
        purgeNowAndThen();
        for (int attempt = 0; ; attempt++) {
            if (insert(owner, key, fingerprint)) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery(
                            "SELECT fingerprint, status, location, body FROM idempotency_key WHERE owner = ?1 AND key = ?2")
                    .setParameter(1, owner).setParameter(2, key).getResultList();
            if (!rows.isEmpty()) {
                Object[] row = rows.get(0);
                return Optional.of(new Answer((String) row[0], ((Number) row[1]).intValue(), (String) row[2], (String) row[3]));
            }
            if (attempt > 0) {
                throw new IllegalStateException("Idempotency key " + key + " neither claimed nor found");
            }
            // purged by another instance between the two statements: claim it again
        }
    }

    /**
     * Claims the key, or finds it taken. While the same key is being answered by another request the insert waits for
     * that request's transaction, but only {@value #WAIT_SECONDS} second (long enough for a double click on a quick
     * request): then the retry is told to come back (409) instead of holding a database connection for as long as the
     * first request runs, which a burst of retries would exhaust.
     */
    private boolean insert(String owner, String key, String fingerprint) {
        entityManager.createNativeQuery("SET LOCAL lock_timeout = '" + WAIT_SECONDS + "s'").executeUpdate();
        boolean claimed;
        try {
            claimed = entityManager.createNativeQuery("""
                            INSERT INTO idempotency_key (owner, key, fingerprint, status) VALUES (?1, ?2, ?3, 0)
                            ON CONFLICT (owner, key) DO UPDATE
                                SET fingerprint = EXCLUDED.fingerprint, status = 0, location = NULL, body = NULL, created_at = now()
                                WHERE idempotency_key.created_at < now() - make_interval(secs => ?4)""")
                    .setParameter(1, owner).setParameter(2, key).setParameter(3, fingerprint)
                    .setParameter(4, (double) RETENTION.toSeconds())
                    .executeUpdate() == 1;
        } catch (PersistenceException e) {
            if (isLockTimeout(e)) {
                throw new KeyInUse(); // the transaction is aborted and rolls back
            }
            throw e;
        }
        // What the request itself locks waits as long as it always did.
        entityManager.createNativeQuery("SET LOCAL lock_timeout = DEFAULT").executeUpdate();
        return claimed;
    }

    private static boolean isLockTimeout(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Another request with the same key is still being answered. */
    static final class KeyInUse extends RuntimeException {
        KeyInUse() {
            super("Idempotency key in use", null, false, false);
        }
    }

    /** Keeps the answer to a claimed key, in the transaction that claimed it. */
    void keep(String owner, String key, int status, String location, String body) {
        entityManager.createNativeQuery(
                        "UPDATE idempotency_key SET status = ?3, location = ?4, body = ?5 WHERE owner = ?1 AND key = ?2")
                .setParameter(1, owner).setParameter(2, key).setParameter(3, status)
                .setParameter(4, location).setParameter(5, body)
                .executeUpdate();
    }

    /** Drops expired answers, at most every ten minutes per instance, so the table stays the size of a day's keys. */
    private void purgeNowAndThen() {
        long now = System.currentTimeMillis();
        long last = lastPurge.get();
        if (now - last >= PURGE_EVERY_MILLIS && lastPurge.compareAndSet(last, now)) {
            entityManager.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?1)")
                    .setParameter(1, (double) RETENTION.toSeconds())
                    .executeUpdate();
        }
    }
}

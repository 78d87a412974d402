package org.quotecheck.jobs;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Durable background jobs in PostgreSQL. A job is enqueued in the same transaction as the change that needs it, so
 * it exists exactly when that change does. A worker claims the oldest ready job with {@code FOR UPDATE SKIP LOCKED}
 * and holds it under a lease it renews as it reports progress; if the worker dies, the lease runs out and another
 * worker (of this or any instance) takes the job over. A worker that finds its lease taken stops at once, so no two
 * workers ever run the same job at the same time.
 */
@ApplicationScoped
public class JobQueue {

    public enum State { PENDING, RUNNING, DONE, FAILED }

    /** A job a worker holds. */
    public record Claimed(long id, String kind, long subjectId, int attempts, String worker) {
    }

    /** Where a job stands, for progress displays. */
    public record Status(long id, State state, int done, int total, String error) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    org.quotecheck.config.QuotecheckConfig config;

    private volatile Runnable wakeWorker = () -> { };

    /**
     * Adds a job in the caller's transaction, unless one for the same subject is waiting already. A job that is
     * running may have read its subject before this change, so a new one waits behind it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String kind, long subjectId) {
        entityManager.createNativeQuery("INSERT INTO job (kind, subject_id) VALUES (?1, ?2)"
                        + " ON CONFLICT (kind, subject_id) WHERE state = 'PENDING' DO NOTHING")
                .setParameter(1, kind).setParameter(2, subjectId).executeUpdate();
        wake();
    }

    /** Jobs waiting to run, for operators: {@code quotecheck.jobs.waiting} at /q/metrics (one count per scrape). */
    void gauge(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent started, io.micrometer.core.instrument.MeterRegistry meters) {
        io.micrometer.core.instrument.Gauge.builder("quotecheck.jobs.waiting", this, JobQueue::waiting)
                .description("Background jobs waiting to run (all instances)").register(meters);
    }

    private double waiting() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM job WHERE state = 'PENDING'"); ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : Double.NaN;
        } catch (SQLException e) {
            return Double.NaN; // the database is away: no figure rather than a failed scrape
        }
    }

    /** Tells this instance's worker that there may be work (other instances find it when they next look). */
    public void wake() {
        wakeWorker.run();
    }

    /** How to wake this instance's worker. */
    void onWake(Runnable wake) {
        wakeWorker = wake;
    }

    /** The oldest ready job of these kinds (or one whose worker's lease ran out), now held by {@code worker}. */
    public Optional<Claimed> claim(String worker, List<String> kinds) {
        String sql = "UPDATE job SET state = 'RUNNING', attempts = attempts + 1, locked_by = ?, locked_until = now() + ?::interval,"
                + " updated_at = now() WHERE id = (SELECT id FROM job WHERE kind = ANY (?) AND run_after <= now()"
                + " AND (state = 'PENDING' OR state = 'RUNNING' AND locked_until < now())"
                + " AND NOT EXISTS (SELECT 1 FROM job r WHERE r.kind = job.kind AND r.subject_id = job.subject_id"
                + " AND r.id <> job.id AND r.state = 'RUNNING' AND r.locked_until >= now())"
                + " ORDER BY run_after, id FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING id, kind, subject_id, attempts";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, worker);
            s.setString(2, config.jobs().lease().toSeconds() + " seconds");
            s.setArray(3, c.createArrayOf("varchar", kinds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Claimed(r.getLong(1), r.getString(2), r.getLong(3), r.getInt(4), worker))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim a job", e);
        }
    }

    /** Records progress and renews the lease; false when another worker holds the job now (stop at once). */
    public boolean progress(Claimed job, int done, int total) {
        return update(job, "progress_done = ?, progress_total = ?, locked_until = now() + ?::interval", done, total,
                config.jobs().lease().toSeconds() + " seconds");
    }

    /** Whether a job other than this subject's is ready to run: someone waits for this worker. */
    public boolean othersWaiting(Claimed job, List<String> kinds) {
        String sql = "SELECT EXISTS (SELECT 1 FROM job WHERE kind = ANY (?) AND state = 'PENDING' AND run_after <= now()"
                + " AND NOT (kind = ? AND subject_id = ?))";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("varchar", kinds.toArray()));
            s.setString(2, job.kind());
            s.setLong(3, job.subjectId());
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look at the queue", e);
        }
    }

    /**
     * Puts a running job back in the queue behind those waiting, its progress kept and the turn not counted as an
     * attempt; retired instead when a newer job for the same subject is already waiting (that one does the rest).
     */
    public void yieldTurn(Claimed job) {
        boolean requeued = updateIf(job, "state = 'PENDING', locked_by = NULL, locked_until = NULL, run_after = now(),"
                + " attempts = greatest(attempts - 1, 0)", "AND NOT EXISTS (SELECT 1 FROM job w WHERE w.kind = job.kind"
                + " AND w.subject_id = job.subject_id AND w.state = 'PENDING')");
        if (!requeued) {
            update(job, "state = 'DONE', locked_by = NULL, locked_until = NULL, finished_at = now(), last_error = ?",
                    "Carried on by a newer job of the same subject");
        }
        wake();
    }

    public boolean complete(Claimed job) {
        return update(job, "state = 'DONE', locked_by = NULL, locked_until = NULL, finished_at = now(), last_error = NULL");
    }

    /** A failure: tried again later with exponential backoff, or given up after the last attempt. */
    public void fail(Claimed job, Throwable error) {
        String message = String.valueOf(error.getMessage());
        if (job.attempts() >= config.jobs().maxAttempts()) {
            update(job, "state = 'FAILED', locked_by = NULL, locked_until = NULL, finished_at = now(), last_error = ?",
                    error.getClass().getSimpleName() + ": " + message);
        } else {
            long backoff = (long) Math.min(3600, 5 * Math.pow(4, job.attempts() - 1));
            String failure = error.getClass().getSimpleName() + ": " + message;
            // A job for the same subject queued meanwhile does this one's work as well: this one is retired.
            boolean retried = updateIf(job, "state = 'PENDING', locked_by = NULL, locked_until = NULL, run_after = now() + ?::interval,"
                    + " last_error = ?", "AND NOT EXISTS (SELECT 1 FROM job w WHERE w.kind = job.kind AND w.subject_id = job.subject_id"
                    + " AND w.state = 'PENDING')", backoff + " seconds", failure);
            if (!retried) {
                update(job, "state = 'DONE', locked_by = NULL, locked_until = NULL, finished_at = now(), last_error = ?",
                        "Superseded by a newer job after " + failure);
            }
        }
    }

    private boolean update(Claimed job, String set, Object... values) {
        return updateIf(job, set, "", values);
    }

    private boolean updateIf(Claimed job, String set, String condition, Object... values) {
        String sql = "UPDATE job SET " + set + ", updated_at = now() WHERE id = ? AND locked_by = ? AND state = 'RUNNING' " + condition;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (Object value : values) {
                s.setObject(i++, value);
            }
            s.setLong(i++, job.id());
            s.setString(i, job.worker());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not update job " + job.id(), e);
        }
    }

    /** The latest job of this kind for a subject. */
    public Optional<Status> status(String kind, long subjectId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, state, progress_done, progress_total, last_error FROM job WHERE kind = ? AND subject_id = ?"
                        + " ORDER BY id DESC LIMIT 1")) {
            s.setString(1, kind);
            s.setLong(2, subjectId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Status(r.getLong(1), State.valueOf(r.getString(2)), r.getInt(3), r.getInt(4),
                        r.getString(5))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read job status", e);
        }
    }
}

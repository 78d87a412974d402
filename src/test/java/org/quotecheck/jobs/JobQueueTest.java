package org.quotecheck.jobs;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The job queue's promises: one worker per job at a time, jobs of a dead worker taken over, failures retried. */
@QuarkusTest
class JobQueueTest {

    /** A kind of its own for each test, so that no test claims another's jobs (and no handler runs them). */
    private final String KIND = "TEST_" + Long.toHexString(System.nanoTime());

    @Inject
    JobQueue queue;

    @Inject
    AgroalDataSource dataSource;

    private long subject() {
        return System.nanoTime();
    }

    private void enqueue(long subject) {
        QuarkusTransaction.requiringNew().run(() -> queue.enqueue(KIND, subject));
    }

    @Test
    void enqueueingTwiceLeavesOneOpenJob() throws Exception {
        long subject = subject();
        enqueue(subject);
        enqueue(subject);
        assertThat(count("SELECT count(*) FROM job WHERE kind = ? AND subject_id = ?", subject)).isEqualTo(1);
    }

    @Test
    void aRequestWhileItsJobRunsWaitsBehindItAndNoWorkerTakesItMeanwhile() throws Exception {
        long subject = subject();
        enqueue(subject);
        JobQueue.Claimed running = queue.claim("first-worker", List.of(KIND)).orElseThrow();
        // The subject changes while its job runs (which may have read it already): a new job waits.
        enqueue(subject);
        enqueue(subject);
        assertThat(count("SELECT count(*) FROM job WHERE kind = ? AND subject_id = ? AND state = 'PENDING'", subject)).isEqualTo(1);
        assertThat(queue.claim("second-worker", List.of(KIND))).as("not beside the running one").isEmpty();
        assertThat(queue.complete(running)).isTrue();
        JobQueue.Claimed next = queue.claim("second-worker", List.of(KIND)).orElseThrow();
        assertThat(next.subjectId()).isEqualTo(subject);
        assertThat(next.id()).isNotEqualTo(running.id());
        // A failure of a job with a newer one waiting retires it: the waiting one does its work.
        enqueue(subject);
        queue.fail(next, new IllegalStateException("boom"));
        assertThat(count("SELECT count(*) FROM job WHERE kind = ? AND subject_id = ? AND state = 'PENDING'", subject)).isEqualTo(1);
        assertThat(queue.claim("third-worker", List.of(KIND)).orElseThrow().id()).isNotEqualTo(next.id());
    }

    @Test
    void competingWorkersNeverClaimTheSameJob() throws Exception {
        List<Long> subjects = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long subject = subject();
            subjects.add(subject);
            enqueue(subject);
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            String name = "worker-" + w;
            workers.add(pool.submit(() -> {
                start.await();
                List<Long> mine = new ArrayList<>();
                for (var job = queue.claim(name, List.of(KIND)); job.isPresent(); job = queue.claim(name, List.of(KIND))) {
                    mine.add(job.get().subjectId());
                    assertThat(queue.complete(job.get())).isTrue();
                }
                return mine;
            }));
        }
        start.countDown();
        List<Long> all = Collections.synchronizedList(new ArrayList<>());
        for (var worker : workers) {
            all.addAll(worker.get());
        }
        pool.shutdown();
        assertThat(all).containsAll(subjects);
        assertThat(new HashSet<>(all)).hasSameSizeAs(all); // nobody ran a job twice
    }

    @Test
    void aJobWhoseWorkerDiedIsTakenOverAndTheDeadWorkerCannotFinishIt() throws Exception {
        long subject = subject();
        enqueue(subject);
        JobQueue.Claimed dead = queue.claim("dead-worker", List.of(KIND)).orElseThrow();
        assertThat(dead.subjectId()).isEqualTo(subject);
        assertThat(queue.claim("second-worker", List.of(KIND))).as("held under a lease").isEmpty();
        // The first worker stops renewing its lease (a crash, a restart): let the lease run out.
        execute("UPDATE job SET locked_until = now() - interval '1 second' WHERE id = " + dead.id());
        JobQueue.Claimed takenOver = queue.claim("second-worker", List.of(KIND)).orElseThrow();
        assertThat(takenOver.id()).isEqualTo(dead.id());
        assertThat(takenOver.attempts()).isEqualTo(2);
        assertThat(queue.progress(dead, 5, 10)).as("the dead worker's late report").isFalse();
        assertThat(queue.complete(dead)).isFalse();
        assertThat(queue.complete(takenOver)).isTrue();
        assertThat(queue.status(KIND, subject).orElseThrow().state()).isEqualTo(JobQueue.State.DONE);
    }

    @Test
    void aFailedJobIsRetriedLaterAndGivenUpAfterTheLastAttempt() throws Exception {
        long subject = subject();
        enqueue(subject);
        JobQueue.Claimed job = queue.claim("w", List.of(KIND)).orElseThrow();
        queue.fail(job, new IllegalStateException("boom"));
        JobQueue.Status status = queue.status(KIND, subject).orElseThrow();
        assertThat(status.state()).isEqualTo(JobQueue.State.PENDING);
        assertThat(status.error()).contains("boom");
        assertThat(queue.claim("w", List.of(KIND))).as("backing off").isEmpty();
        for (int attempt = 2; attempt <= 5; attempt++) {
            execute("UPDATE job SET run_after = now() WHERE id = " + job.id());
            job = queue.claim("w", List.of(KIND)).orElseThrow();
            queue.fail(job, new IllegalStateException("boom " + attempt));
        }
        assertThat(queue.status(KIND, subject).orElseThrow().state()).isEqualTo(JobQueue.State.FAILED);
    }

    @Test
    void aLongJobLetsWaitingJobsGoFirstAndCarriesOnWithItsProgress() throws Exception {
        long large = subject();
        enqueue(large);
        JobQueue.Claimed first = queue.claim("w", List.of(KIND)).orElseThrow();
        assertThat(queue.progress(first, 400, 10_000)).isTrue();
        assertThat(queue.othersWaiting(first, List.of(KIND))).as("nobody waits yet").isFalse();
        long small = subject();
        enqueue(small);
        assertThat(queue.othersWaiting(first, List.of(KIND))).isTrue();
        queue.yieldTurn(first);
        JobQueue.Status paused = queue.status(KIND, large).orElseThrow();
        assertThat(paused.state()).isEqualTo(JobQueue.State.PENDING);
        assertThat(paused.done()).as("progress kept").isEqualTo(400);
        assertThat(queue.complete(first)).as("no longer this worker's").isFalse();
        // The job that waited runs first; then the large one again, its turn not counted as a failed attempt.
        JobQueue.Claimed next = queue.claim("w", List.of(KIND)).orElseThrow();
        assertThat(next.subjectId()).isEqualTo(small);
        assertThat(queue.complete(next)).isTrue();
        JobQueue.Claimed again = queue.claim("w", List.of(KIND)).orElseThrow();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.attempts()).isEqualTo(1);
        // A newer request for the same subject waiting: the paused job is retired rather than queued twice.
        enqueue(large);
        queue.yieldTurn(again);
        assertThat(count("SELECT count(*) FROM job WHERE kind = ? AND subject_id = ? AND state = 'PENDING'", large)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM job WHERE kind = ? AND subject_id = ? AND state = 'DONE'", large)).isEqualTo(1);
    }

    private long count(String sql, long subject) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, KIND);
            s.setLong(2, subject);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}

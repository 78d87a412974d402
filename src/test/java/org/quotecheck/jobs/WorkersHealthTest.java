package org.quotecheck.jobs;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The running application's workers: a job that throws an Error fails alone while the job worker goes on; a loop
 * that died is reported by readiness and started again by the supervisor.
 */
@QuarkusTest
class WorkersHealthTest {

    @Inject
    Workers workers;

    @Inject
    JobQueue queue;

    @Inject
    AgroalDataSource dataSource;

    /** Throws a StackOverflowError for odd subjects, succeeds for even ones. */
    @ApplicationScoped
    static class ErrorThrowingHandler implements JobHandler {
        static final String KIND = "TEST_ERROR_THROWING";
        static final AtomicInteger RUNS = new AtomicInteger();

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public void run(JobQueue.Claimed job, Progress progress) {
            RUNS.incrementAndGet();
            if (job.subjectId() % 2 == 1) {
                throw new StackOverflowError("deep recursion in a handler");
            }
        }
    }

    @Test
    void aJobThatThrowsAnErrorFailsAloneAndTheWorkerGoesOn() throws Exception {
        long failing = System.nanoTime() | 1;
        long fine = failing + 1;
        QuarkusTransaction.requiringNew().run(() -> {
            queue.enqueue(ErrorThrowingHandler.KIND, failing);
            queue.enqueue(ErrorThrowingHandler.KIND, fine);
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!"DONE".equals(state(fine)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(state(fine)).as("the job after the one that threw ran").isEqualTo("DONE");
        assertThat(lastError(failing)).startsWith("StackOverflowError: deep recursion");
        assertThat(state(failing)).as("retried later, like any failure").isIn("PENDING", "RUNNING", "FAILED");
        Worker jobs = workers.all().stream().filter(w -> w.name().equals("quotecheck-jobs")).findFirst().orElseThrow();
        assertThat(jobs.alive()).isTrue();
        RestAssured.get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aLoopThatDiedMakesReadinessDownUntilTheSupervisorStartsItAgain() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        Worker fragile = workers.start(new Worker("test-fragile", () -> {
            if (steps.incrementAndGet() == 1) {
                throw new IllegalStateException("first step fails");
            }
            return false;
        }, Duration.ofMillis(20), Duration.ofMillis(20), (w, failure) -> {
            throw new OutOfMemoryError("while reporting the failure");
        }));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (fragile.alive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(fragile.alive()).isFalse();
            RestAssured.get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'Background workers' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'Background workers' }.data.'test-fragile'", containsString("STOPPED"));
            // The supervisor runs every few seconds in production; the tests' profile leaves it to this call.
            assertThat(workers.supervise()).isEqualTo(1);
            assertThat(fragile.alive()).isTrue();
            RestAssured.get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'Background workers' }.data.'test-fragile'", containsString("1 restarts"));
            while (steps.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(steps.get()).as("the new thread runs the loop").isGreaterThanOrEqualTo(2);
        } finally {
            workers.stop(fragile);
        }
    }

    private String state(long subject) throws Exception {
        return column("state", subject);
    }

    private String lastError(long subject) throws Exception {
        return column("last_error", subject);
    }

    private String column(String column, long subject) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + column + " FROM job WHERE kind = ? AND subject_id = ? ORDER BY id DESC LIMIT 1")) {
            s.setString(1, ErrorThrowingHandler.KIND);
            s.setLong(2, subject);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}

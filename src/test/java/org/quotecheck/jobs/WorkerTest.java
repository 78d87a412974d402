package org.quotecheck.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker loop outlives whatever one step throws, and a loop that died anyway is seen and started again. */
class WorkerTest {

    private static final Duration SHORT = Duration.ofMillis(10);

    @Test
    @Timeout(30)
    void aStepThatThrowsAnyThrowableFailsThatStepAndTheLoopGoesOn() throws Exception {
        List<Supplier<Throwable>> failures = List.of(() -> new IllegalStateException("database away"),
                () -> new OutOfMemoryError("Java heap space"), StackOverflowError::new, () -> new AssertionError("broken"),
                () -> new Exception("checked"));
        BlockingQueue<String> done = new LinkedBlockingQueue<>();
        List<String> reported = new CopyOnWriteArrayList<>();
        int[] turn = {0};
        Worker worker = new Worker("test-worker", () -> {
            int now = turn[0]++;
            if (now < failures.size()) {
                Throwable failure = failures.get(now).get();
                if (failure instanceof Exception e) {
                    throw e;
                }
                throw (Error) failure;
            }
            done.add("item " + now);
            return now < failures.size() + 2;
        }, SHORT, SHORT, (w, failure) -> reported.add(failure.getClass().getSimpleName()));
        worker.start();
        try {
            assertThat(done.poll(20, TimeUnit.SECONDS)).isEqualTo("item 5");
            assertThat(done.poll(20, TimeUnit.SECONDS)).isEqualTo("item 6");
            assertThat(reported).containsExactly("IllegalStateException", "OutOfMemoryError", "StackOverflowError",
                    "AssertionError", "Exception");
            assertThat(worker.failures()).isEqualTo(5);
            assertThat(worker.lastFailure()).isEqualTo("Exception: checked");
            assertThat(worker.alive()).isTrue();
            assertThat(worker.restarts()).isZero();
        } finally {
            worker.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    @Timeout(30)
    void aLoopThatDiedIsSeenAndStartedAgain() throws Exception {
        BlockingQueue<String> done = new LinkedBlockingQueue<>();
        boolean[] failOnce = {true};
        Worker worker = new Worker("dies-once", () -> {
            if (failOnce[0]) {
                failOnce[0] = false;
                throw new IllegalStateException("first step fails");
            }
            done.add("worked");
            return false;
        }, SHORT, SHORT, (w, failure) -> {
            // Reporting the failure fails too (say, the log's disk is full): nothing catches this one.
            throw new OutOfMemoryError("while logging");
        });
        worker.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (worker.alive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(worker.alive()).as("the thread ended").isFalse();
            assertThat(worker.shouldRun()).isTrue();
            assertThat(worker.ensureRunning()).isTrue();
            assertThat(done.poll(20, TimeUnit.SECONDS)).isEqualTo("worked");
            assertThat(worker.alive()).isTrue();
            assertThat(worker.restarts()).isEqualTo(1);
            assertThat(worker.ensureRunning()).as("a live loop is left alone").isFalse();
        } finally {
            worker.stop(Duration.ofSeconds(5));
        }
        assertThat(worker.alive()).as("a stopped worker is not reported as dead").isTrue();
        assertThat(worker.ensureRunning()).as("nor started again").isFalse();
    }

    @Test
    @Timeout(30)
    void aWakeBeforeTheWaitIsNotLost() throws Exception {
        BlockingQueue<String> done = new LinkedBlockingQueue<>();
        int[] turn = {0};
        Worker worker = new Worker("sleepy", () -> {
            done.add("turn " + turn[0]++);
            return false;
        }, Duration.ofHours(1), SHORT, (w, failure) -> { });
        worker.start();
        try {
            assertThat(done.poll(20, TimeUnit.SECONDS)).isEqualTo("turn 0");
            worker.wake();
            assertThat(done.poll(20, TimeUnit.SECONDS)).as("woken, not after an hour").isEqualTo("turn 1");
        } finally {
            worker.stop(Duration.ofSeconds(5));
        }
    }
}

package org.quotecheck.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Page counts are computed once per time to live, and cleared when a change commits (not when it rolls back). */
@QuarkusTest
class FreshCountsTest {

    @Inject
    FreshCounts counts;

    @Inject
    Event<FreshCounts.Changed> changed;

    @Test
    void aCountIsComputedOnceUntilAChangeCommits() {
        AtomicInteger computed = new AtomicInteger();
        String key = "test-" + System.nanoTime();
        assertThat(counts.get(key, computed::incrementAndGet)).isEqualTo(1);
        assertThat(counts.get(key, computed::incrementAndGet)).as("served from the cache").isEqualTo(1);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                changed.fire(new FreshCounts.Changed());
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the change did not happen
        }
        assertThat(counts.get(key, computed::incrementAndGet)).as("a rolled-back change keeps the count").isEqualTo(1);
        QuarkusTransaction.requiringNew().run(() -> changed.fire(new FreshCounts.Changed()));
        assertThat(counts.get(key, computed::incrementAndGet)).as("computed again after a committed change").isEqualTo(2);
    }

    @Test
    void simultaneousRequestsForAMissingCountComputeItOnce() throws Exception {
        AtomicInteger computed = new AtomicInteger();
        String key = "stampede-" + System.nanoTime();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return counts.get(key, () -> {
                        sleep(200);
                        return computed.incrementAndGet();
                    });
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(computed).hasValue(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

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
}

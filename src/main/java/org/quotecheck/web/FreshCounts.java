package org.quotecheck.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.quotecheck.config.QuotecheckConfig;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Counts that every page shows (the queue badge, "(N waiting)", the dashboard's figures), computed at most once per
 * {@code quotecheck.counts.ttl} on each instance instead of on every page. A review decision on this instance clears
 * them at once (after its transaction commits); other instances see it within the time to live.
 */
@ApplicationScoped
public class FreshCounts {

    /** Something that changes counts was committed (a review decision, a new or deleted article). */
    public record Changed() {
    }

    private record Entry(Object value, long at) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    QuotecheckConfig config;

    /** The value under {@code key}, computed by {@code compute} when missing or older than the time to live. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        long now = System.nanoTime();
        Entry entry = entries.get(key);
        if (entry != null && now - entry.at() < config.counts().ttl().toNanos()) {
            return (T) entry.value();
        }
        T value = compute.get();
        if (entries.size() > 10_000) {
            entries.clear(); // per-user and per-filter keys: never let them grow without bound
        }
        entries.put(key, new Entry(value, now));
        return value;
    }

    public void clear() {
        entries.clear();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        clear();
    }

    void claimsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) org.quotecheck.claim.ClaimsChanged changed) {
        clear();
    }
}

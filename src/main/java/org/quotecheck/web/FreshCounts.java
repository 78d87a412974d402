package org.quotecheck.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.quotecheck.config.QuotecheckConfig;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Counts that every page shows (the queue badge, "(N waiting)", the dashboard's figures), computed at most once per
 * {@code quotecheck.counts.ttl} on each instance instead of on every page. A review decision on this instance clears
 * them at once (after its transaction commits); other instances see it within the time to live.
 * <p>
 * Under load many requests want the same count at the same moment. Only one of them computes it: when a count is
 * missing the others wait for that one; when it has only gone stale, they are given the stale value meanwhile
 * (a few seconds old) rather than all running the same queries at once.
 */
@ApplicationScoped
public class FreshCounts {

    /** Something that changes counts was committed (a review decision, a new or deleted article). */
    public record Changed() {
    }

    private record Entry(Object value, long at, AtomicBoolean refreshing) {
        Entry(Object value, long at) {
            this(value, at, new AtomicBoolean());
        }
    }

    private static final int MAX_KEYS = 10_000;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> computing = new ConcurrentHashMap<>();
    /** Bumped by every clear: a value computed before a change committed is not stored after it. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    @Inject
    QuotecheckConfig config;

    /** The value under {@code key}, computed by {@code compute} when missing or older than the time to live. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        Entry entry = entries.get(key);
        if (entry != null && isFresh(entry)) {
            return (T) entry.value();
        }
        if (entry != null) {
            if (!entry.refreshing().compareAndSet(false, true)) {
                return (T) entry.value(); // another request is refreshing it
            }
            long started = generation.get();
            try {
                return store(key, compute.get(), started);
            } catch (RuntimeException | Error e) {
                entry.refreshing().set(false);
                throw e;
            }
        }
        synchronized (computing.computeIfAbsent(key, k -> new Object())) {
            Entry meanwhile = entries.get(key);
            if (meanwhile != null && isFresh(meanwhile)) {
                return (T) meanwhile.value();
            }
            long started = generation.get();
            return store(key, compute.get(), started);
        }
    }

    private boolean isFresh(Entry entry) {
        return System.nanoTime() - entry.at() < config.counts().ttl().toNanos();
    }

    private <T> T store(String key, T value, long started) {
        if (generation.get() != started) {
            return value; // something changed while it was computed: the next request computes it afresh
        }
        if (entries.size() > MAX_KEYS) {
            entries.clear(); // per-user and per-filter keys: never let them grow without bound
            computing.clear();
        }
        entries.put(key, new Entry(value, System.nanoTime()));
        return value;
    }

    public void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        clear();
    }

    void claimsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) org.quotecheck.claim.ClaimsChanged changed) {
        clear();
    }
}

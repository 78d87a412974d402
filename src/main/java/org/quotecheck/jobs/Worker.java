package org.quotecheck.jobs;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * One background loop: runs a step again and again, sleeping when the step found nothing to do. Whatever one step
 * throws (an exception, an {@link OutOfMemoryError}, a {@link StackOverflowError}) is reported and the loop goes
 * on after a pause; only {@link #stop} ends it. Should the thread still die (a failure while reporting a failure),
 * {@link #alive()} says so and {@link #ensureRunning()} starts a new thread: {@link Workers} does that and tells the
 * readiness check. Pure Java.
 */
public final class Worker {

    /** One turn of the loop. */
    @FunctionalInterface
    public interface Step {
        /** Does one item of work; false when there was nothing to do (the loop then waits to be woken). */
        boolean runOnce() throws Exception;
    }

    private final String name;
    private final Step step;
    private final Duration idle;
    private final Duration pauseAfterFailure;
    private final BiConsumer<Worker, Throwable> onFailure;
    private final Object signal = new Object();
    private final AtomicInteger restarts = new AtomicInteger();
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastFailure;
    private volatile boolean running;
    private volatile Thread thread;
    private boolean woken;

    /**
     * @param onFailure told of every failure of a step (logging); if it throws in turn, the thread ends and is
     *                  restarted by the supervisor
     */
    public Worker(String name, Step step, Duration idle, Duration pauseAfterFailure, BiConsumer<Worker, Throwable> onFailure) {
        this.name = Objects.requireNonNull(name);
        this.step = Objects.requireNonNull(step);
        this.idle = Objects.requireNonNull(idle);
        this.pauseAfterFailure = Objects.requireNonNull(pauseAfterFailure);
        this.onFailure = Objects.requireNonNull(onFailure);
    }

    public String name() {
        return name;
    }

    public synchronized void start() {
        running = true;
        Thread t = new Thread(this::loop, name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, death) -> lastFailure = "stopped by " + death.getClass().getSimpleName()
                + (death.getMessage() == null ? "" : ": " + death.getMessage()));
        thread = t;
        t.start();
    }

    /** Ends the loop: the current step is interrupted and given up to {@code wait} to finish. */
    public void stop(Duration wait) throws InterruptedException {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            wake();
            t.interrupt();
            t.join(wait.toMillis());
        }
    }

    /** Whether the loop should run and its thread is alive. */
    public boolean alive() {
        Thread t = thread;
        return !running || t != null && t.isAlive();
    }

    /** Whether this worker was started and not stopped. */
    public boolean shouldRun() {
        return running;
    }

    /** Starts a new thread if the loop should run but its thread has died; true when it did. */
    public synchronized boolean ensureRunning() {
        Thread t = thread;
        if (!running || t != null && t.isAlive()) {
            return false;
        }
        restarts.incrementAndGet();
        start();
        return true;
    }

    public int restarts() {
        return restarts.get();
    }

    /** Steps that failed since the start. */
    public long failures() {
        return failures.get();
    }

    /** The latest failure, as "Type: message", or null. */
    public String lastFailure() {
        return lastFailure;
    }

    /** Tells the loop there may be work now. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                if (!step.runOnce()) {
                    await(idle);
                }
            } catch (InterruptedException e) {
                // Stopping, or a stray interrupt from a library: look at running again.
                Thread.interrupted();
            } catch (Throwable failure) {
                failures.incrementAndGet();
                lastFailure = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
                onFailure.accept(this, failure); // a failure here ends the thread; the supervisor restarts it
                pause();
            }
        }
    }

    private void pause() {
        try {
            await(pauseAfterFailure);
        } catch (InterruptedException e) {
            Thread.interrupted();
        }
    }

    private void await(Duration duration) throws InterruptedException {
        synchronized (signal) {
            if (!woken && running) {
                signal.wait(Math.max(1, duration.toMillis()));
            }
            woken = false;
        }
    }
}

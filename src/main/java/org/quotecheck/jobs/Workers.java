package org.quotecheck.jobs;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.quotecheck.config.QuotecheckConfig;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This instance's background loops (the job worker, the webhook senders) and their supervisor: every few seconds it
 * restarts a loop whose thread died; the readiness check ({@link WorkersHealth}) reports DOWN while one is dead.
 */
@ApplicationScoped
public class Workers {

    private static final Logger LOG = Logger.getLogger(Workers.class);

    @Inject
    QuotecheckConfig config;

    private final List<Worker> workers = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService supervisor;

    void start(@Observes StartupEvent event) {
        supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quotecheck-supervisor");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, config.workers().superviseEvery().toMillis());
        supervisor.scheduleWithFixedDelay(this::superviseQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (supervisor != null) {
            supervisor.shutdownNow();
        }
        for (Worker worker : workers) {
            worker.stop(Duration.ofSeconds(10));
        }
    }

    /**
     * Starts a loop and keeps it under supervision. {@code step} is one turn; failures are logged with the worker's
     * name, and the loop pauses for {@code pauseAfterFailure} before the next turn.
     */
    public Worker start(String name, Worker.Step step, Duration idle, Duration pauseAfterFailure) {
        return start(new Worker(name, step, idle, pauseAfterFailure, (worker, failure) -> {
            if (failure instanceof RuntimeException && !(failure instanceof IllegalArgumentException)) {
                // Most often the database being away for a moment: one line, no stack trace.
                LOG.warnf("%s paused: %s", worker.name(), worker.lastFailure());
            } else {
                LOG.errorf(failure, "%s: a step failed; the loop goes on", worker.name());
            }
        }));
    }

    /** Starts a worker built elsewhere and keeps it under supervision. */
    public Worker start(Worker worker) {
        workers.add(worker);
        worker.start();
        return worker;
    }

    /** Stops a worker and forgets it. */
    public void stop(Worker worker) throws InterruptedException {
        workers.remove(worker);
        worker.stop(Duration.ofSeconds(10));
    }

    /** The workers under supervision. */
    public List<Worker> all() {
        return List.copyOf(workers);
    }

    /** Restarts every loop whose thread died; the number restarted. Runs every few seconds, and on demand. */
    public int supervise() {
        int restarted = 0;
        for (Worker worker : workers) {
            if (!worker.alive() && worker.ensureRunning()) {
                restarted++;
                LOG.errorf("%s had stopped (last failure: %s); started again (restart %d)", worker.name(),
                        worker.lastFailure(), worker.restarts());
            }
        }
        return restarted;
    }

    private void superviseQuietly() {
        try {
            supervise();
        } catch (Throwable t) {
            // The supervisor must outlive whatever it meets; a scheduled task that throws is never run again.
            LOG.error("Supervising background workers failed; trying again", t);
        }
    }
}

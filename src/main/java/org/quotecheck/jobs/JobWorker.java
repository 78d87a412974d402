package org.quotecheck.jobs;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * This instance's background worker: one supervised loop ({@link Workers}) that claims jobs from {@link JobQueue}
 * and runs them, one at a time, sleeping when there is nothing to do. Any number of instances may run one each.
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class);

    @Inject
    JobQueue queue;

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    @Inject
    Instance<JobHandler> handlers;

    @Inject
    org.quotecheck.config.QuotecheckConfig config;

    @Inject
    Workers workers;

    private final String name = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private volatile Worker worker;

    void start(@Observes StartupEvent event) {
        if (!config.jobs().enabled()) {
            return;
        }
        Map<String, JobHandler> byKind = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        List<String> kinds = List.copyOf(byKind.keySet());
        // The database may be away for a moment: the loop pauses and tries again, and never dies of it.
        worker = workers.start("quotecheck-jobs", () -> runOne(byKind, kinds), config.jobs().idlePoll(), config.jobs().idlePoll());
        queue.onWake(worker::wake);
    }

    /** This worker's name, as jobs record who holds them. */
    public String name() {
        return name;
    }

    /** Claims and runs one job; false when there was none. Public for tests that drive the queue step by step. */
    public boolean runOne(Map<String, JobHandler> byKind, List<String> kinds) {
        var claimed = queue.claim(name, kinds);
        if (claimed.isEmpty()) {
            return false;
        }
        JobQueue.Claimed job = claimed.get();
        JobHandler handler = byKind.get(job.kind());
        io.micrometer.core.instrument.Timer.Sample sample = io.micrometer.core.instrument.Timer.start(meters);
        try {
            boolean[] lost = {false};
            boolean[] yielded = {false};
            long sliceEnds = System.nanoTime() + config.jobs().slice().toNanos();
            long[] nextLook = {sliceEnds};
            handler.run(job, new JobHandler.Progress() {
                @Override
                public boolean report(int done, int total) {
                    boolean ours = queue.progress(job, done, total);
                    lost[0] |= !ours;
                    return ours;
                }

                @Override
                public boolean yielded() {
                    long now = System.nanoTime();
                    if (lost[0] || yielded[0] || now < nextLook[0]) {
                        return yielded[0];
                    }
                    nextLook[0] = now + 2_000_000_000L; // look at the queue at most every two seconds
                    if (queue.othersWaiting(job, kinds)) {
                        queue.yieldTurn(job);
                        yielded[0] = true;
                    }
                    return yielded[0];
                }
            });
            if (yielded[0]) {
                LOG.debugf("Job %d (%s %d) let others go first", (Object) job.id(), job.kind(), job.subjectId());
            } else if (!lost[0] && !queue.complete(job)) {
                LOG.infof("Job %d (%s) was taken over by another worker before it finished here", job.id(), job.kind());
            }
        } catch (Throwable e) {
            // Whatever one job throws (an OutOfMemoryError, a StackOverflowError too) fails that job, not the worker.
            LOG.errorf(e, "Job %d (%s %d) failed on attempt %d", job.id(), job.kind(), job.subjectId(), job.attempts());
            boolean interrupted = Thread.interrupted(); // stopping: record the failure first, the connection needs it
            queue.fail(job, e);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } finally {
            sample.stop(io.micrometer.core.instrument.Timer.builder("quotecheck.jobs").tag("kind", job.kind())
                    .description("Background job runs (a turn of a long job counts once)").register(meters));
        }
        return true;
    }

    /** Runs every ready job now, on the calling thread (tests, and tools that want the work done before going on). */
    public int drain() {
        Map<String, JobHandler> byKind = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        List<String> kinds = List.copyOf(byKind.keySet());
        int count = 0;
        while (runOne(byKind, kinds)) {
            count++;
        }
        return count;
    }
}

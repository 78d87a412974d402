package org.quotecheck.jobs;

/** Does one kind of job. Must be safe to run again from the start, or from where an earlier run stopped. */
public interface JobHandler {

    String kind();

    /**
     * Does the work, reporting progress through {@code progress}; returns early (and quietly) when
     * {@link Progress#report} says the job is no longer this worker's.
     */
    void run(JobQueue.Claimed job, Progress progress) throws Exception;

    /** Progress reports, which also keep the job's lease alive. */
    interface Progress {
        /** False when another worker holds the job now: stop without writing anything more. */
        boolean report(int done, int total);

        /**
         * True when this job has had its time slice and other jobs are waiting: it is then back in the queue, behind
         * them, and the handler returns at once (its work so far is stored; the next run carries on from there).
         */
        default boolean yielded() {
            return false;
        }
    }
}

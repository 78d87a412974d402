package org.quotecheck.library;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quotecheck.jobs.JobHandler;
import org.quotecheck.jobs.JobQueue;

import java.util.List;

/**
 * Looks for an article's claims in the library, those marked PENDING, until none is left (a claim changed while the
 * job ran is simply searched again). It works in batches of {@value #BATCH} claims, read afresh each time (so an
 * article deleted meanwhile stops the job after the claim in hand) and embedded together; each answer is stored as
 * soon as it is found and renews the job's lease, so a restart carries on with the claims not done, and a long
 * article lets other jobs go first when its time slice is over.
 */
@ApplicationScoped
public class SuggestionJob implements JobHandler {

    public static final String KIND = "ARTICLE_SUGGESTIONS";
    /** Suggestions kept per claim. */
    static final int SUGGESTIONS = 5;
    /** Claims embedded together: a fraction of a second of the model's time, so the lease is renewed often. */
    static final int BATCH = 16;

    @Inject
    SuggestionStore store;

    @Inject
    LibraryService library;

    @Inject
    LibrarySearch search;

    @Inject
    ClaimIndex claims;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobQueue.Claimed job, Progress progress) {
        long articleId = job.subjectId();
        int done = 0;
        while (true) {
            List<SuggestionStore.Pending> batch = store.pending(articleId, BATCH);
            if (batch.isEmpty()) {
                return;
            }
            int waiting = store.pendingCount(articleId);
            if (!progress.report(done, done + waiting)) {
                return;
            }
            search.refresh();
            List<float[]> vectors = library.embedAll(batch.stream().map(SuggestionStore.Pending::text).toList());
            for (int i = 0; i < batch.size(); i++) {
                SuggestionStore.Pending claim = batch.get(i);
                float[] vector = vectors.get(i);
                List<LibraryService.Found> found = library.search(claim.text(), claim.type(), SUGGESTIONS, vector).found();
                if (store.save(claim, found, vector)) {
                    done++;
                    claims.stale();
                } else if (store.pendingCount(articleId) == 0) {
                    return; // the claim is gone, and nothing else waits: the article was deleted meanwhile
                }
                if (!progress.report(done, done + Math.max(0, waiting - i - 1)) || progress.yielded()) {
                    return;
                }
            }
        }
    }
}

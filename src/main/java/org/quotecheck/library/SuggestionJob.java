package org.quotecheck.library;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quotecheck.jobs.JobHandler;
import org.quotecheck.jobs.JobQueue;

import java.util.List;

/**
 * Looks for an article's claims in the library, those marked PENDING, until none is left (a claim changed while the
 * job ran is simply searched again). The claims are embedded in one batch; each answer is stored as soon as it is
 * found, so a restart carries on with the claims not done.
 */
@ApplicationScoped
public class SuggestionJob implements JobHandler {

    public static final String KIND = "ARTICLE_SUGGESTIONS";
    /** Suggestions kept per claim. */
    static final int SUGGESTIONS = 5;

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
            List<SuggestionStore.Pending> pending = store.pending(articleId);
            if (pending.isEmpty() || !progress.report(done, done + pending.size())) {
                return;
            }
            search.refresh();
            List<float[]> vectors = library.embedAll(pending.stream().map(SuggestionStore.Pending::text).toList());
            for (int i = 0; i < pending.size(); i++) {
                SuggestionStore.Pending claim = pending.get(i);
                float[] vector = vectors.get(i);
                List<LibraryService.Found> found = library.search(claim.text(), claim.type(), SUGGESTIONS, vector).found();
                if (store.save(claim, found, vector)) {
                    done++;
                    claims.stale();
                }
                if (!progress.report(done, done + pending.size() - i - 1) || progress.yielded()) {
                    return;
                }
            }
        }
    }
}

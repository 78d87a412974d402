package org.quotecheck.semantic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.quotecheck.embedding.Embedder;
import org.quotecheck.jobs.JobHandler;
import org.quotecheck.jobs.JobQueue;
import org.quotecheck.verification.meaning.PassageSplitter;

import java.util.List;
import java.util.Optional;

/**
 * Makes a source version searchable by meaning: cuts it into passages (stored at once, all or none), then embeds
 * them in batches, each batch stored before the next begins. Run again after a restart it carries on with the
 * passages that have no vector yet; nothing is done twice.
 */
@ApplicationScoped
public class PassageJob implements JobHandler {

    public static final String KIND = "SOURCE_PASSAGES";
    static final int BATCH = 32;

    @Inject
    PassageStore store;

    @Inject
    SemanticModel model;

    @Inject
    Event<PassagesReady> readyEvents;

    /** A source version's passages are all stored (and embedded, where a model is available). */
    public record PassagesReady(long versionId) {
    }

    private void ready(long versionId) {
        store.markReady(versionId);
        readyEvents.fire(new PassagesReady(versionId));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobQueue.Claimed job, Progress progress) {
        long versionId = job.subjectId();
        PassageStore.Counts counts = store.counts(versionId);
        if (counts.passages() == 0) {
            Optional<String> text = store.versionText(versionId);
            if (text.isEmpty()) {
                return; // the version is gone (its source deleted): nothing to do
            }
            store.insertIfAbsent(versionId, PassageSplitter.passages(text.get()));
            counts = store.counts(versionId);
        }
        if (!progress.report(counts.embedded(), counts.passages())) {
            return;
        }
        Optional<Embedder> embedder = model.embedder();
        if (embedder.isEmpty()) {
            // Passages stored for words-only checks and library search; vectors when a model is available.
            ready(versionId);
            return;
        }
        int embedded = counts.embedded();
        while (true) {
            List<PassageStore.Pending> batch = store.unembedded(versionId, BATCH);
            if (batch.isEmpty()) {
                ready(versionId);
                return;
            }
            List<float[]> vectors = embedder.get().embed(batch.stream().map(PassageStore.Pending::text).toList());
            store.storeVectors(batch, vectors);
            embedded += batch.size();
            if (!progress.report(embedded, counts.passages()) || progress.yielded()) {
                return;
            }
        }
    }
}

package org.quotecheck.semantic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quotecheck.embedding.Embedder;
import org.quotecheck.jobs.JobQueue;
import org.quotecheck.verification.CheckResult;
import org.quotecheck.verification.SourceIndex;
import org.quotecheck.verification.meaning.MeaningChecker;
import org.quotecheck.verification.meaning.PassageSplitter;
import org.quotecheck.verification.meaning.SourcePassage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks by meaning against a stored source version (its passages and vectors from the database, cached) or a
 * text sent with the request, and says how far each version is with being searchable by meaning.
 */
@ApplicationScoped
public class MeaningService {

    /**
     * A text sent with the request is embedded on the spot only up to this many passages and characters (about a
     * second of the model's time); a longer one is checked by words, and stored sources by meaning.
     */
    static final int MAX_PASSAGES_ON_THE_SPOT = 400;
    static final int MAX_CHARACTERS_ON_THE_SPOT = 100_000;

    @Inject
    SemanticModel model;

    @Inject
    PassageStore store;

    @Inject
    PassageCache cache;

    @Inject
    JobQueue jobs;

    public SemanticState state(long versionId) {
        PassageStore.Counts counts = store.counts(versionId);
        Optional<JobQueue.Status> job = jobs.status(PassageJob.KIND, versionId);
        boolean complete = counts.passages() > 0 && counts.embedded() == counts.passages() && counts.ready();
        SemanticState.State state;
        if (complete) {
            state = SemanticState.State.READY;
        } else if (model.availability() == SemanticModel.Availability.UNAVAILABLE) {
            state = SemanticState.State.UNAVAILABLE;
        } else if (job.isPresent() && job.get().state() == JobQueue.State.FAILED) {
            state = SemanticState.State.FAILED;
        } else if (job.isPresent() && job.get().state() == JobQueue.State.RUNNING) {
            state = SemanticState.State.RUNNING;
        } else {
            state = SemanticState.State.PENDING;
        }
        return new SemanticState(state, counts.passages(), counts.embedded());
    }

    /** A stored version: its passages (from the cache once complete) and the claim's vector. */
    public CheckResult check(String claim, long versionId, SourceIndex index) {
        return check(claim, versionId, index, null);
    }

    /** The same, with the claim's vector computed already (library search embeds a claim once for many sources). */
    public CheckResult check(String claim, long versionId, SourceIndex index, float[] knownVector) {
        SemanticState state = state(versionId);
        List<SourcePassage> passages = state.state() == SemanticState.State.READY ? cache.get(versionId, () -> store.load(versionId))
                : state.passages() > 0 ? store.load(versionId) : null;
        Optional<Embedder> embedder = model.embedder();
        boolean vectors = embedder.isPresent() && passages != null && passages.stream().anyMatch(p -> p.vector() != null);
        float[] claimVector = !vectors ? null : knownVector != null ? knownVector : embedder.get().embed(List.of(claim)).get(0);
        CheckResult result = MeaningChecker.check(claim, index, passages, claimVector);
        if (embedder.isEmpty()) {
            return result.withNotice("Checked by words only: the meaning model is not available here (" + model.reason() + ").");
        }
        if (state.state() != SemanticState.State.READY) {
            return result.withNotice("Checked partly by words only: this source is still being prepared for checks by meaning ("
                    + state.embedded() + " of " + state.passages() + " passages done).");
        }
        return result;
    }

    /**
     * Some passages of a stored version (those library search found, with their neighbours and vectors), the claim's
     * vector known: the check library search runs on each candidate source, without reading the whole version.
     */
    public CheckResult checkPassages(String claim, SourceIndex index, List<SourcePassage> passages, float[] claimVector) {
        CheckResult result = MeaningChecker.check(claim, index, passages, claimVector);
        return claimVector == null ? result.withNotice("Checked by words only: the meaning model is not available here ("
                + model.reason() + ").") : result;
    }

    /** A text sent with the request: cut here, embedded here if it is short enough. */
    public CheckResult check(String claim, SourceIndex index) {
        Optional<Embedder> embedder = model.embedder();
        List<SourcePassage> passages = PassageSplitter.passages(index.text());
        if (embedder.isEmpty()) {
            return MeaningChecker.check(claim, index, passages, null)
                    .withNotice("Checked by words only: the meaning model is not available here (" + model.reason() + ").");
        }
        if (passages.size() > MAX_PASSAGES_ON_THE_SPOT || index.text().length() > MAX_CHARACTERS_ON_THE_SPOT) {
            return MeaningChecker.check(claim, index, passages, null).withNotice("Checked by words only: the text is too long to "
                    + "embed with each request. Store it as a source and check against its sourceId to check by meaning.");
        }
        List<String> texts = new ArrayList<>();
        texts.add(claim);
        passages.forEach(p -> texts.add(p.text()));
        List<float[]> vectors = embedder.get().embed(texts);
        List<SourcePassage> embedded = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            SourcePassage p = passages.get(i);
            embedded.add(new SourcePassage(p.start(), p.end(), p.text(), p.window(), vectors.get(i + 1)));
        }
        return MeaningChecker.check(claim, index, embedded, vectors.get(0));
    }
}

package org.quotecheck.library;

import java.util.List;

/**
 * Where in the library a claim may be: the source versions worth checking, best first. The only class that knows how
 * candidates are found; moving them to a dedicated engine (OpenSearch with k-NN, pgvector) means another
 * implementation of this interface and nothing else. Results are candidates only: the verification engine decides.
 */
public interface LibrarySearch {

    /**
     * A latest source version worth checking: its passages that matched (best first), and how it was found (for the
     * measurements and the docs).
     */
    record Candidate(long versionId, double score, List<Long> passageIds, boolean byWords, boolean byMeaning) {
    }

    /** A source whose latest version is not searchable in full yet. */
    record Processing(long sourceId, String title) {
    }

    /**
     * The latest source versions most likely to hold the claim: those whose passages share its words (full-text
     * search) and those whose passages are closest in meaning to {@code vector} (null: by words only).
     */
    List<Candidate> candidates(String text, float[] vector, int limit);

    /** Sources still being prepared (at most {@code limit}), and how many there are in all. */
    ProcessingSources processing(int limit);

    record ProcessingSources(List<Processing> sources, int total) {
    }

    /**
     * Brings what this instance holds in memory up to date with the database now (before a batch of searches),
     * waiting for a first load if there has been none.
     */
    void refresh();

    /** Whether searches use the passages' vectors now (false while they are first loaded, or without a model). */
    boolean vectorsReady();
}

package org.quotecheck.verification;

import java.util.List;

/**
 * The answer to "is this quote in this source?": a classification with a score, the best supporting passage
 * (offsets into the source), one segment per part of a quote with ellipses, the word-level differences and the
 * number checks. Field names are those of {@code API.md}.
 */
public record CheckResult(Classification classification, double score, Passage passage, List<Passage> segments,
                          List<Difference> differences, List<NumberCheck> numbers) {

    public enum Classification { VERBATIM, MINOR_DIFFERENCES, ALTERED, PARAPHRASE, NOT_FOUND }

    public enum Kind { INSERTED, DELETED, REPLACED }

    /** A span of the source: offsets into the source text, end exclusive, and the text itself. */
    public record Passage(int start, int end, String text) {
    }

    /**
     * Words the quote has and the source lacks (INSERTED), the reverse (DELETED), or both (REPLACED);
     * {@code critical} when a number or unit, a negation, a named entity or a direction word changed.
     */
    public record Difference(Kind kind, String quoteText, String sourceText, boolean critical, String reason,
                             int quoteStart, int quoteEnd, int sourceStart, int sourceEnd) {
    }

    /** A number of the quote, the number the passage has in its place, and whether they agree. */
    public record NumberCheck(String quoteText, String sourceText, boolean match) {
    }

    static CheckResult notFound() {
        return new CheckResult(Classification.NOT_FOUND, 0, null, List.of(), List.of(), List.of());
    }
}

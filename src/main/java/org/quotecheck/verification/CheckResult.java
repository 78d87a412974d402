package org.quotecheck.verification;

import java.util.List;

/**
 * The answer to "is this quote in this source?": a classification with a score, the best supporting passage
 * (offsets into the source), one segment per part of a quote with ellipses, the word-level differences and the
 * number checks. Field names are those of {@code API.md}.
 */
public record CheckResult(Classification classification, double score, Passage passage, List<Passage> segments,
                          List<Difference> differences, List<NumberCheck> numbers, Method method, List<FactCheck> facts,
                          String notice) {

    /** How the result was found: word by word (quotes), or by meaning (statements and reported speech). */
    public enum Method { LEXICAL, MEANING }

    /**
     * One fact of the claim lined up with the source: its kind ({@code NUMBER}, {@code DURATION}, {@code NAME},
     * {@code NEGATION}, {@code ACTION}, {@code ROLE}…), the claim's words, the source's words (null when the source
     * does not say it), whether they agree, and why not.
     */
    public record FactCheck(String kind, String claimText, String sourceText, boolean agree, String reason) {
    }

    /** A result of the word-by-word check. */
    public CheckResult(Classification classification, double score, Passage passage, List<Passage> segments,
                       List<Difference> differences, List<NumberCheck> numbers) {
        this(classification, score, passage, segments, differences, numbers, Method.LEXICAL, List.of(), null);
    }

    /** The same result with a notice for the reader ("checked by words only: …"). */
    public CheckResult withNotice(String text) {
        return new CheckResult(classification, score, passage, segments, differences, numbers, method, facts, text);
    }

    public enum Classification { VERBATIM, MINOR_DIFFERENCES, ALTERED, PARAPHRASE, NOT_FOUND }

    public enum Kind { INSERTED, DELETED, REPLACED }

    /** A span of the source: offsets into the source text, end exclusive, and the text itself. */
    public record Passage(int start, int end, String text) {
    }

    /**
     * Words the quote has and the source lacks (INSERTED), the reverse (DELETED), or both (REPLACED);
     * {@code critical} when a number or unit, a negation, a named entity or a direction word changed. The offsets
     * (into the quote and the source) are null where a side has no words, and for differences found by meaning.
     */
    public record Difference(Kind kind, String quoteText, String sourceText, boolean critical, String reason,
                             Integer quoteStart, Integer quoteEnd, Integer sourceStart, Integer sourceEnd) {
    }

    /** A number of the quote, the number the passage has in its place, and whether they agree. */
    public record NumberCheck(String quoteText, String sourceText, boolean match) {
    }

    public static CheckResult notFound() {
        return new CheckResult(Classification.NOT_FOUND, 0, null, List.of(), List.of(), List.of());
    }
}

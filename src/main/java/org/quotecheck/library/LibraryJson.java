package org.quotecheck.library;

import org.quotecheck.claim.ClaimView;
import org.quotecheck.verification.CheckResult;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The JSON of library search, suggestions and related claims ({@code API.md}). */
public final class LibraryJson {

    private LibraryJson() {
    }

    public record SearchRequest(String text, String claimType, Integer limit) {
    }

    /** A passage of a source: offsets into the version's text, end exclusive. */
    public record Passage(int start, int end, String text) {
    }

    /** One source that speaks of the claim; the fields of a check result, and where the passage is. */
    public record Result(long sourceId, long sourceVersionId, int versionNumber, String title, String sourceType,
                         LocalDate sourceDate, String classification, String verdict, double score, String method,
                         String summary, Passage passage, List<CheckResult.Difference> differences,
                         List<CheckResult.NumberCheck> numbers, List<CheckResult.FactCheck> facts, String notice) {

        static Result of(LibraryService.Found f) {
            CheckResult r = f.result();
            return new Result(f.sourceId(), f.sourceVersionId(), f.versionNumber(), f.title(), f.type().name(), f.date(),
                    r.classification().name(), f.verdict(), r.score(), r.method().name(), f.summary(),
                    r.passage() == null ? null : new Passage(r.passage().start(), r.passage().end(), r.passage().text()),
                    r.differences(), r.numbers(), r.facts(), r.notice());
        }
    }

    public record SourceRef(long sourceId, String title) {
    }

    /** What a search found; {@code processing} names sources not yet searchable in full (of {@code processingCount}). */
    public record SearchResponse(List<Result> results, List<SourceRef> processing, int processingCount, boolean byMeaning,
                                 String notice) {
    }

    public record SuggestionsResponse(long claimId, String state, OffsetDateTime searchedAt, List<Result> results) {
    }

    public record RelatedItem(ClaimView claim, long articleId, String articleTitle, String rating, String state,
                              String decidedBy, OffsetDateTime decidedAt, double similarity, boolean sameWords) {
    }

    public record RelatedResponse(long claimId, List<RelatedItem> items) {
    }
}

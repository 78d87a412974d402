package org.quotecheck.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One verified claim as every export format writes it. {@code textMissing}: the article was edited after the claim
 * was approved, and the claim's words are no longer in it. {@code sourceCorrected}: the evidence's source got a newer
 * version after the check (the verdict rests on the text as it was before the correction).
 */
public record ReportRow(long claimId, long articleId, String articleTitle, String articleUrl, String outlet,
                        LocalDate articlePublishedAt, String type, String text, String speaker, String rating,
                        String rationale, String submittedBy, OffsetDateTime submittedAt, String approvedBy,
                        OffsetDateTime approvedAt, String sourceTitle, String sourceType, String sourceUrl,
                        String evidenceClassification, String evidencePassage, String criticalDifferences,
                        String timestamp, boolean textMissing, boolean sourceCorrected, String sentence) {

    /** "Direct quote", "Reported speech": the claim type as the rest of the application names it. */
    public String typeLabel() {
        return switch (type) {
            case "DIRECT_QUOTE" -> "Direct quote";
            case "PARTIAL_QUOTE" -> "Partial quote";
            case "INDIRECT_QUOTE" -> "Reported speech";
            case "STATEMENT" -> "Statement";
            default -> type;
        };
    }

    /** The warning when the approved rating says more than the evidence (a confirmed Accurate on altered evidence). */
    public String ratingWarning() {
        return org.quotecheck.review.workflow.ReviewWorkflow.reviewerWarning(rating, evidenceClassification);
    }

    /** "Mostly accurate" for MOSTLY_ACCURATE. */
    public String ratingLabel() {
        return rating == null ? "" : org.quotecheck.review.workflow.Rating.valueOf(rating).label();
    }
}

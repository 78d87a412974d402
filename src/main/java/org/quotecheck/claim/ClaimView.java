package org.quotecheck.claim;

import org.quotecheck.claim.extraction.ClaimType;

import java.util.List;

/** A claim as the API and pages show it. */
public record ClaimView(Long id, Long articleId, ClaimType type, String text, String speaker, String cue, int start,
                        int end, Claim.State state, String rating, long version, List<ClaimNumber> numbers,
                        Claim.Origin origin, boolean textMissing, String note, String assignee, String submittedBy,
                        java.time.OffsetDateTime submittedAt, String rationale, boolean noSourceFound, String decidedBy,
                        java.time.OffsetDateTime decidedAt, org.quotecheck.claim.extraction.SpeakerKind speakerKind) {

    public static ClaimView of(Claim claim, long articleId) {
        return new ClaimView(claim.id, articleId, claim.type, claim.text, claim.speaker, claim.cue, claim.start,
                claim.end, claim.state, claim.rating, claim.version, claim.numbers, claim.origin, claim.textMissing,
                claim.note, name(claim.assignee), name(claim.submittedBy), claim.submittedAt, claim.rationale,
                claim.noSourceFound, name(claim.decidedBy), claim.decidedAt, claim.speakerKind);
    }

    private static String name(org.quotecheck.user.User user) {
        return user == null ? null : user.username;
    }

    public String ratingLabel() {
        return rating == null ? null : org.quotecheck.review.workflow.Rating.valueOf(rating).label();
    }

    /** Words given from someone's account of them ("summary by his office"), not the speaker's own. */
    public boolean fromAccount() {
        return cue != null && cue.matches("(?:summary|paraphrase|readout|account) by .*");
    }

    public boolean isQuote() {
        return type.isQuote();
    }

    /** Whether evidence may be added now (by an editor allowed to change it): still being checked, words still there. */
    public boolean isOpenForEvidence() {
        return !textMissing && (state == Claim.State.NEW || state == Claim.State.IN_PROGRESS || state == Claim.State.RETURNED);
    }

    /** Why evidence cannot be added now, in an editor's words; null when it can. */
    public String evidenceClosedReason() {
        if (textMissing) {
            return "The claim's words are no longer in the article since an edit: mark the claim again in the new text, or"
                    + " dismiss it, before checking it.";
        }
        return switch (state) {
            case NEW, IN_PROGRESS, RETURNED -> null;
            case IN_REVIEW -> "The claim is in review: its evidence is frozen until a reviewer approves it or returns it.";
            case APPROVED -> "The claim is approved: an administrator reopens it before new evidence can be added.";
            case DISMISSED -> "The claim is dismissed: restore it to add evidence.";
        };
    }

    public boolean isDismissed() {
        return state == Claim.State.DISMISSED;
    }

    public String typeLabel() {
        return switch (type) {
            case DIRECT_QUOTE -> "Direct quote";
            case PARTIAL_QUOTE -> "Partial quote";
            case INDIRECT_QUOTE -> "Reported speech";
            case STATEMENT -> "Statement";
        };
    }

    public String excerpt() {
        return text.length() <= 160 ? text : text.substring(0, 157) + "…";
    }
}

package org.quotecheck.source;

import org.quotecheck.verification.CheckResult;

import java.time.OffsetDateTime;

/**
 * Saved evidence: which source version was checked, what was found, and the editor's note. {@code latestVersion} is
 * the source's newest version now; {@code sourceCorrected} says the source got a newer version after this check, and
 * {@code recheckedAfterCorrection} that the claim has been checked against that newest version since.
 */
public record EvidenceView(Long id, Long claimId, Long sourceId, String sourceTitle, int sourceVersion,
                           String contentHash, String classification, double score, Integer passageStart,
                           Integer passageEnd, String exact, String prefix, String suffix, String timestamp,
                           CheckResult result, String note, String createdBy, OffsetDateTime createdAt, int latestVersion,
                           boolean sourceCorrected, boolean recheckedAfterCorrection) {

    static EvidenceView of(Evidence e, int latestVersion, boolean recheckedAfterCorrection) {
        String timestamp = null;
        if (e.passageStart != null && e.sourceVersion.cues != null) {
            var cue = org.quotecheck.text.Captions.at(e.sourceVersion.cues, e.passageStart);
            timestamp = cue == null ? null : cue.timestamp();
        }
        boolean corrected = e.sourceVersion.number < latestVersion;
        return new EvidenceView(e.id, e.claimId, e.sourceVersion.source.id, e.sourceVersion.source.title,
                e.sourceVersion.number, e.contentHash, e.classification, e.score, e.passageStart, e.passageEnd,
                e.exact, e.prefix != null && e.passageStart != null && e.passageStart > e.prefix.length()
                        ? wholeWordsFromStart(e.prefix) : e.prefix,
                e.suffix != null && e.suffix.length() >= CheckService.CONTEXT ? wholeWordsToEnd(e.suffix) : e.suffix, timestamp, e.result, e.note, e.createdBy.username, e.createdAt, latestVersion,
                corrected, corrected && recheckedAfterCorrection);
    }

    /** Context before a passage without the cut word it starts with (the stored context is cut by characters). */
    static String wholeWordsFromStart(String prefix) {
        if (prefix == null || prefix.isEmpty() || Character.isWhitespace(prefix.charAt(0))) {
            return prefix;
        }
        int space = firstSpace(prefix);
        return space < 0 || space > 40 ? prefix : prefix.substring(space + 1);
    }

    /** Context after a passage without the cut word it ends with. */
    static String wholeWordsToEnd(String suffix) {
        if (suffix == null || suffix.isEmpty() || Character.isWhitespace(suffix.charAt(suffix.length() - 1))) {
            return suffix;
        }
        int space = lastSpace(suffix);
        return space < 0 || suffix.length() - space > 40 ? suffix : suffix.substring(0, space);
    }

    private static int firstSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int lastSpace(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The source was corrected after this check and the claim has not been checked against the correction yet. */
    public boolean needsRecheck() {
        return sourceCorrected && !recheckedAfterCorrection;
    }
}

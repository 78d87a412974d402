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
                e.exact, e.prefix, e.suffix, timestamp, e.result, e.note, e.createdBy.username, e.createdAt, latestVersion,
                corrected, corrected && recheckedAfterCorrection);
    }

    /** The source was corrected after this check and the claim has not been checked against the correction yet. */
    public boolean needsRecheck() {
        return sourceCorrected && !recheckedAfterCorrection;
    }
}

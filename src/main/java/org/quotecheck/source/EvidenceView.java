package org.quotecheck.source;

import org.quotecheck.verification.CheckResult;

import java.time.OffsetDateTime;

/** Saved evidence: which source version was checked, what was found, and the editor's note. */
public record EvidenceView(Long id, Long claimId, Long sourceId, String sourceTitle, int sourceVersion,
                           String contentHash, String classification, double score, Integer passageStart,
                           Integer passageEnd, String exact, String prefix, String suffix, String timestamp,
                           CheckResult result, String note, String createdBy, OffsetDateTime createdAt) {

    static EvidenceView of(Evidence e) {
        String timestamp = null;
        if (e.passageStart != null && e.sourceVersion.cues != null) {
            var cue = org.quotecheck.text.Captions.at(e.sourceVersion.cues, e.passageStart);
            timestamp = cue == null ? null : cue.timestamp();
        }
        return new EvidenceView(e.id, e.claimId, e.sourceVersion.source.id, e.sourceVersion.source.title,
                e.sourceVersion.number, e.contentHash, e.classification, e.score, e.passageStart, e.passageEnd,
                e.exact, e.prefix, e.suffix, timestamp, e.result, e.note, e.createdBy.username, e.createdAt);
    }
}

package org.quotecheck.claim.extraction;

import org.quotecheck.text.NumberMention;

import java.util.List;

/**
 * One claim found in an article body: {@code text} is {@code body.substring(start, end)} (quotation marks outside),
 * {@code speaker} the full name as introduced in the article or null, {@code speakerKind} whether that speaker is a
 * person, an organisation or a document, {@code cue} the attribution words.
 */
public record ExtractedClaim(ClaimType type, int start, int end, String text, String speaker, String cue,
                             List<NumberMention> numbers, SpeakerKind speakerKind) {

    /** A claim whose speaker's kind follows from the name ({@link SpeakerKind#of}). */
    public ExtractedClaim(ClaimType type, int start, int end, String text, String speaker, String cue,
                          List<NumberMention> numbers) {
        this(type, start, end, text, speaker, cue, numbers, SpeakerKind.of(speaker));
    }
}

package org.quotecheck.claim.extraction;

import org.quotecheck.text.NumberMention;

import java.util.List;

/**
 * One claim found in an article body: {@code text} is {@code body.substring(start, end)} (quotation marks outside),
 * {@code speaker} the full name as introduced in the article or null, {@code cue} the attribution words.
 */
public record ExtractedClaim(ClaimType type, int start, int end, String text, String speaker, String cue,
                             List<NumberMention> numbers) {
}

package org.quotecheck.claim;

/**
 * A claim marked by an editor: offsets of a selection ({@code start}, {@code end}), or the exact words with the
 * occurrence to take (1 = first), as a keyboard user without a selection gives them.
 */
public record ManualClaim(Integer start, Integer end, String type, String speaker, String text, Integer occurrence) {
}

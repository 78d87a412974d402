package org.quotecheck.claim;

/**
 * Fired inside the transaction that added claims to an article or changed what one says (its type or speaker):
 * features that keep something per claim (library suggestions) observe it without the claim feature knowing them.
 */
public record ClaimsChanged(long articleId) {
}

package org.quotecheck.review;

import org.quotecheck.claim.ClaimView;

/**
 * Fired inside the transaction of a review step, after it was applied: observers that write (webhook deliveries) do
 * so atomically with the step.
 */
public record ClaimTransitioned(ClaimView claim, String action, String from, String to, String actor) {
}

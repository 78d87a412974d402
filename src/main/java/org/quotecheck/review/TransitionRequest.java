package org.quotecheck.review;

/**
 * {@code POST /api/claims/{id}/transitions}: the action, its rating and note where needed, and the version seen.
 * {@code confirmed} confirms a rating that the latest evidence does not support (Accurate or Mostly accurate while the
 * evidence found the claim altered or not at all).
 */
public record TransitionRequest(String action, String rating, String note, Long version, Boolean noSourceFound,
                                Boolean confirmed) {

    public TransitionRequest(String action, String rating, String note, Long version, Boolean noSourceFound) {
        this(action, rating, note, version, noSourceFound, null);
    }
}

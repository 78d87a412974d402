package org.quotecheck.review;

/** {@code POST /api/claims/{id}/transitions}: the action, its rating and note where needed, and the version seen. */
public record TransitionRequest(String action, String rating, String note, Long version, Boolean noSourceFound) {
}

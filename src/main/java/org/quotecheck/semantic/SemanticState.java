package org.quotecheck.semantic;

/**
 * Whether a source version can be searched by meaning yet ({@code API.md}: {@code semantic: {state, passages,
 * embedded}}): PENDING (waiting for the background job), RUNNING, READY, FAILED, or UNAVAILABLE (no model here).
 */
public record SemanticState(State state, int passages, int embedded) {

    public enum State { PENDING, RUNNING, READY, FAILED, UNAVAILABLE }

    /** Percent done, for progress bars. */
    public int percent() {
        return passages == 0 ? 0 : (int) Math.floor(100.0 * embedded / passages);
    }

    public boolean working() {
        return state == State.PENDING || state == State.RUNNING;
    }
}

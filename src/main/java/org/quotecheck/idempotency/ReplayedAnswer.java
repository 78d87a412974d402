package org.quotecheck.idempotency;

/**
 * Ends a retried request with the answer kept for its key. Thrown inside the retry's transaction, which has written
 * nothing and rolls back.
 */
public class ReplayedAnswer extends RuntimeException {

    private final transient IdempotencyKeys.Answer answer;

    ReplayedAnswer(IdempotencyKeys.Answer answer) {
        super("replayed", null, false, false);
        this.answer = answer;
    }

    IdempotencyKeys.Answer answer() {
        return answer;
    }
}

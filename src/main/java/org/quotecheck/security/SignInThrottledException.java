package org.quotecheck.security;

/**
 * Too many failed sign-ins: answered 429 with Retry-After, without looking at the password. Travels as the cause of
 * an authentication failure (see {@link FailureAnswers}).
 */
public class SignInThrottledException extends RuntimeException {

    private final long retryAfterSeconds;

    public SignInThrottledException(long retryAfterSeconds) {
        super("too many failed sign-ins; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

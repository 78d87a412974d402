package org.quotecheck.verification;

/** A quote longer than {@link Verifier#MAX_QUOTE_WORDS} words: refused before any work is done. */
public class QuoteTooLongException extends IllegalArgumentException {

    private final int words;

    public QuoteTooLongException(int words) {
        super("The quote has " + words + " words; at most " + Verifier.MAX_QUOTE_WORDS + " can be checked.");
        this.words = words;
    }

    public int words() {
        return words;
    }
}

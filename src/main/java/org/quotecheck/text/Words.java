package org.quotecheck.text;

/** Whether a text says anything: at least one letter or digit, in any script. */
public final class Words {

    private Words() {
    }

    /**
     * False for null, and for text of only spaces, punctuation, symbols, control, format and zero-width characters
     * (which {@link String#isBlank()} lets through: U+200B, U+00A0, U+FEFF, a lone surrogate).
     */
    public static boolean present(CharSequence text) {
        return text != null && text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}

package org.quotecheck.claim.extraction;

/**
 * The writing system most of an article's letters are in, which decides whose rules find its speakers. Counted over
 * letters only (digits, punctuation and spaces say nothing); Japanese is told from Chinese by its kana.
 */
public enum Script {
    LATIN, HANGUL, JAPANESE, HAN, HEBREW, ARABIC, CYRILLIC, GREEK, OTHER;

    /** The dominant script of {@code text}, looking at its first 20,000 letters (enough, and linear). */
    public static Script of(String text) {
        int[] counts = new int[values().length];
        int kana = 0;
        int letters = 0;
        for (int i = 0; i < text.length() && letters < 20_000; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                kana++;
            }
            counts[of(script).ordinal()]++;
        }
        if (letters == 0) {
            return LATIN;
        }
        if (kana * 10 >= letters && kana + counts[HAN.ordinal()] > counts[LATIN.ordinal()]) {
            return JAPANESE;
        }
        Script best = LATIN;
        for (Script candidate : values()) {
            if (counts[candidate.ordinal()] > counts[best.ordinal()]) {
                best = candidate;
            }
        }
        return best;
    }

    private static Script of(Character.UnicodeScript script) {
        return switch (script) {
            case LATIN -> LATIN;
            case HANGUL -> HANGUL;
            case HIRAGANA, KATAKANA -> JAPANESE;
            case HAN -> HAN;
            case HEBREW -> HEBREW;
            case ARABIC -> ARABIC;
            case CYRILLIC -> CYRILLIC;
            case GREEK -> GREEK;
            default -> OTHER;
        };
    }

    /** Whether Quotecheck has rules for who speaks in texts of this script (English, Korean, Japanese, Chinese). */
    public boolean speakersResolved() {
        return this == LATIN || this == HANGUL || this == JAPANESE || this == HAN;
    }

    /** The script's name for people, as the claim list says it. */
    public String label() {
        return switch (this) {
            case LATIN -> "Latin";
            case HANGUL -> "Korean";
            case JAPANESE -> "Japanese";
            case HAN -> "Chinese";
            case HEBREW -> "Hebrew";
            case ARABIC -> "Arabic";
            case CYRILLIC -> "Cyrillic";
            case GREEK -> "Greek";
            case OTHER -> "this";
        };
    }
}

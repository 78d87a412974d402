package org.quotecheck.claim.extraction;

/**
 * The writing system most of an article's letters are in, which decides whose rules find its speakers. Counted over
 * letters only (digits, punctuation and spaces say nothing); Japanese is told from Chinese by its kana.
 */
public enum Script {
    LATIN, HANGUL, JAPANESE, HAN, HEBREW, ARABIC, CYRILLIC, GREEK, OTHER;

    /** The dominant script of {@code text}, looking at its first 20,000 letters (enough, and linear). */
    public static Script of(String text) {
        int latin = 0;
        int hangul = 0;
        int kana = 0;
        int han = 0;
        int hebrew = 0;
        int arabic = 0;
        int cyrillic = 0;
        int greek = 0;
        int other = 0;
        int letters = 0;
        for (int i = 0; i < text.length() && letters < 20_000; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            switch (script) {
                case LATIN -> latin++;
                case HANGUL -> hangul++;
                case HIRAGANA, KATAKANA -> kana++;
                case HAN -> han++;
                case HEBREW -> hebrew++;
                case ARABIC -> arabic++;
                case CYRILLIC -> cyrillic++;
                case GREEK -> greek++;
                default -> other++;
            }
        }
        if (letters == 0) {
            return LATIN;
        }
        if (kana * 10 >= letters && kana + han > latin) {
            return JAPANESE;
        }
        int best = Math.max(Math.max(Math.max(latin, hangul), Math.max(han, hebrew)),
                Math.max(Math.max(arabic, cyrillic), Math.max(greek, other)));
        if (best == latin) {
            return LATIN;
        }
        if (best == hangul) {
            return HANGUL;
        }
        if (best == han) {
            return HAN;
        }
        if (best == hebrew) {
            return HEBREW;
        }
        if (best == arabic) {
            return ARABIC;
        }
        if (best == cyrillic) {
            return CYRILLIC;
        }
        return best == greek ? GREEK : OTHER;
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

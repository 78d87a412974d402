package org.quotecheck.text;

/**
 * Whether a name is one line of visible text: no control characters, no line or paragraph separators (U+2028,
 * U+2029, which many viewers break lines at) and no bidirectional overrides or isolates (which can make a name
 * read differently from what it is). For names that appear in lists, logs and audit entries. Pure Java.
 */
public final class OneLine {

    private OneLine() {
    }

    public static boolean is(String text) {
        return text.codePoints().noneMatch(OneLine::breaksOrDisguises);
    }

    static boolean breaksOrDisguises(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F || c == 0x061C;
    }
}

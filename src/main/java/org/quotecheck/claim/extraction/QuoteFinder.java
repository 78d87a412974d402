package org.quotecheck.claim.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs quotation marks, one pass over the text. Handles curly and straight double quotes, single quotes as quotes
 * of their own (but not apostrophes: it's, the company's, '90s), guillemets and corner brackets, German „…“, Polish
 * „…”, Hebrew ”…“, quotes nested in a quote with the same marks (“…“a disaster”…”), and quotes that run
 * over paragraphs (an opening mark at the start of each paragraph, a closing mark only at the end). Single quotes
 * inside a double quote are part of it. Unbalanced marks are dropped, never guessed across the rest of the text.
 */
final class QuoteFinder {

    /** How far a quote may run over paragraphs before it is treated as unbalanced. */
    private static final int MAX_PARAGRAPHS = 12;
    private static final int NESTED_LOOKAHEAD = 2_000;

    private QuoteFinder() {
    }

    static List<QuotedSpan> find(String text) {
        List<QuotedSpan> quotes = new ArrayList<>();
        int n = text.length();
        int open = -1;          // position of the current opening mark, or -1
        char closer = 0;        // the mark that closes it
        boolean single = false;
        int nested = 0;         // same-mark quotes open inside the current one: “…“…”…”
        int paragraphsCrossed = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (open >= 0 && !continuesQuote(text, i, text.charAt(open)) || ++paragraphsCrossed > MAX_PARAGRAPHS) {
                    open = -1;
                }
                if (open < 0) {
                    paragraphsCrossed = 0;
                }
                continue;
            }
            if (open < 0) {
                if (isDoubleOpen(text, i)) {
                    open = i;
                    closer = closerFor(c);
                    single = false;
                    nested = 0;
                } else if (isSingleOpen(text, i)) {
                    open = i;
                    closer = c == '\'' ? '\'' : '\u2019';
                    single = true;
                }
                continue;
            }
            if (single) {
                if (c == closer && isSingleClose(text, i)) {
                    add(quotes, text, open, i, false);
                    open = -1;
                } else if (isDoubleOpen(text, i)) {
                    open = i; // a double quote starts: the single mark was an apostrophe after all
                    closer = closerFor(c);
                    single = false;
                }
                continue;
            }
            if (closes(text, open, closer, i)) {
                if (nested > 0) {
                    nested--; // the end of a quote within the quote
                    continue;
                }
                add(quotes, text, open, i, true);
                open = -1;
            } else if (c == text.charAt(open) && c != '"' && !isContinuationMark(text, i)) {
                if (closersAhead(text, i, closer, 2 + nested) >= 2 + nested) {
                    nested++; // a quote within the quote, closed before the outer one: “…“a disaster”…”
                } else {
                    open = i; // the same opening mark again before any close: the earlier one was stray
                    nested = 0;
                }
            }
        }
        return quotes;
    }

    /**
     * Whether the mark at {@code i} closes the quote opened at {@code open}. German „…“ and Polish or Hebrew „…” and
     * ”…“ (a Hebrew text's opening mark is the English closing one) are closed by either curly mark.
     */
    private static boolean closes(String text, int open, char closer, int i) {
        char c = text.charAt(i);
        if (c == '"') {
            return closer == '"' && isStraightClose(text, i);
        }
        char opener = text.charAt(open);
        if (opener == '\u201E' || opener == '\u201D') {
            return (c == '\u201C' || c == '\u201D') && i > open + 1 && !Character.isWhitespace(text.charAt(i - 1));
        }
        return c == closer;
    }

    /**
     * How many closing marks follow before the paragraph ends (a nested quote needs its own and the outer one). Looks
     * at most {@value #NESTED_LOOKAHEAD} characters ahead, so that a text full of opening marks stays linear.
     */
    private static int closersAhead(String text, int from, char closer, int enough) {
        int count = 0;
        int limit = Math.min(text.length(), from + 1 + NESTED_LOOKAHEAD);
        for (int j = from + 1; j < limit && text.charAt(j) != '\n' && count < enough; j++) {
            if (text.charAt(j) == closer) {
                count++;
            }
        }
        return count;
    }

    private static void add(List<QuotedSpan> quotes, String text, int openMark, int closeMark, boolean dbl) {
        int start = openMark + 1;
        int end = closeMark;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end - start >= 1 && hasLetterOrDigit(text, start, end)) {
            quotes.add(new QuotedSpan(openMark, closeMark, start, end, false));
        }
    }

    private static boolean hasLetterOrDigit(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A paragraph break inside a quote is fine if the next paragraph opens with the same mark. */
    private static boolean continuesQuote(String text, int newline, char openMark) {
        int j = newline + 1;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\n')) {
            j++;
        }
        return j < text.length() && text.charAt(j) == openMark;
    }

    /** An opening mark at the start of a paragraph that continues a multi-paragraph quote. */
    private static boolean isContinuationMark(String text, int i) {
        int j = i - 1;
        while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            j--;
        }
        return j >= 0 && text.charAt(j) == '\n';
    }

    private static char closerFor(char open) {
        return switch (open) {
            case '\u201C' -> '\u201D';
            case '\u201E' -> '\u201C';
            case '\u201D' -> '\u201C';
            case '\u00AB' -> '\u00BB';
            case '\u300C' -> '\u300D';
            case '\u300E' -> '\u300F';
            default -> '"';
        };
    }

    private static boolean isDoubleOpen(String text, int i) {
        char c = text.charAt(i);
        return switch (c) {
            case '\u201C', '\u201E', '\u00AB', '\u300C', '\u300E' -> true;
            // Hebrew opens with ” (and closes with “); in other texts a ” that starts a word after a space is rare.
            case '\u201D' -> (i == 0 || Character.isWhitespace(text.charAt(i - 1)) || text.charAt(i - 1) == ':')
                    && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1)) && isRightToLeftAround(text, i);
            case '"' -> isStraightOpen(text, i);
            default -> false;
        };
    }

    /** Whether the letters just after {@code i} are Hebrew or Arabic. */
    private static boolean isRightToLeftAround(String text, int i) {
        for (int j = i + 1; j < Math.min(text.length(), i + 8); j++) {
            byte direction = Character.getDirectionality(text.charAt(j));
            if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStraightOpen(String text, int i) {
        char before = i > 0 ? text.charAt(i - 1) : ' ';
        char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        return (Character.isWhitespace(before) || "([{—–-/:".indexOf(before) >= 0 || i == 0)
                && !Character.isWhitespace(after);
    }

    private static boolean isStraightClose(String text, int i) {
        return i > 0 && !Character.isWhitespace(text.charAt(i - 1));
    }

    private static boolean isSingleOpen(String text, int i) {
        char c = text.charAt(i);
        if (c != '\u2018' && c != '\'') {
            return false;
        }
        char before = i > 0 ? text.charAt(i - 1) : ' ';
        char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        boolean boundaryBefore = Character.isWhitespace(before) || "([{—–\"\u201C".indexOf(before) >= 0 || i == 0;
        // '90s and ’til are elisions, not quotes.
        return boundaryBefore && Character.isLetter(after) && !isElision(text, i + 1);
    }

    private static boolean isElision(String text, int from) {
        int end = from;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        String word = text.substring(from, end).toLowerCase(java.util.Locale.ROOT);
        return word.equals("til") || word.equals("em") || word.equals("cause") || word.equals("n");
    }

    private static boolean isSingleClose(String text, int i) {
        char before = i > 0 ? text.charAt(i - 1) : ' ';
        char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        return !Character.isWhitespace(before) && !Character.isLetterOrDigit(after);
    }
}

package org.quotecheck.verification.meaning;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cuts a source into passages: its sentences (with their offsets), and windows of two neighbouring sentences, so
 * that facts a source states in consecutive sentences ("…for approximately 45 minutes. The meeting had been expected
 * to last around 20 minutes.") can be read together. Sentences end at . ! ? followed by a space and a capital (or a
 * letter of a script without capitals), digit or quotation mark; at the full stops and question and exclamation marks of other scripts (。！？ ‼ ⁇ ۔ ؟ । ॥ ።),
 * which need no space after them; and at a line or paragraph break. Common abbreviations ("Mr.", "p.m.", "U.S.") and
 * decimals do not end one. Whatever the text, no sentence is longer than {@value #MAX_SENTENCE} characters: a longer
 * run is cut at its last space (any Unicode space: no-break and narrow spaces too), else at its last comma or
 * semicolon, else where the limit falls (never inside a surrogate pair), so no passage can grow with its document.
 * Linear in the text; pure Java.
 */
public final class PassageSplitter {

    static final int MAX_SENTENCE = 600;
    /** Abbreviations are short: a sentence end looks back at most this far for one. */
    private static final int LONGEST_ABBREVIATION = 8;
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "jan",
            "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov", "sen", "rep", "gen",
            "col", "lt", "sgt", "capt", "inc", "ltd", "co", "corp", "jr", "sr", "etc", "e.g", "i.e", "a.m", "p.m", "u.s",
            "u.k", "u.n", "e.u", "h.e", "approx", "fig", "est");
    /** Sentence ends of scripts that write no space after them (CJK, fullwidth) or whose mark is unambiguous. */
    private static final String OTHER_TERMINALS = "。｡！？‼⁇⁈⁉۔؟।॥።";
    private static final String CLOSING = "\"”’')]」』）】〕〉》＂＇";
    private static final String SOFT_BREAKS = ",;:、，；：";

    /** A sentence: offsets into the text, end exclusive. */
    public record Sentence(int start, int end) {
    }

    private PassageSplitter() {
    }

    public static List<Sentence> sentences(String text) {
        List<Sentence> sentences = new ArrayList<>();
        int start = skipSpace(text, 0);
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
            boolean terminal = (c == '.' || c == '!' || c == '?') && endsSentence(text, i)
                    || OTHER_TERMINALS.indexOf(c) >= 0;
            if (lineBreak || terminal) {
                int end = terminal ? closingQuotes(text, i + 1) : i;
                if (end - start > MAX_SENTENCE) {
                    end = cut(text, start, start + MAX_SENTENCE);
                }
                add(text, start, end, sentences);
                start = skipSpace(text, end);
                i = start;
                continue;
            }
            if (i - start >= MAX_SENTENCE) {
                int end = cut(text, start, i);
                add(text, start, end, sentences);
                start = skipSpace(text, end);
                i = start;
                continue;
            }
            i++;
        }
        add(text, start, text.length(), sentences);
        return sentences;
    }

    /**
     * Where to end a run from {@code start} that reached {@code limit} without a sentence end: after its last space
     * in the second half, else after its last comma or semicolon there, else at the limit itself.
     */
    static int cut(String text, int start, int limit) {
        int half = start + (limit - start) / 2;
        for (int k = limit; k > half; k--) {
            if (isSpace(text.charAt(k - 1))) {
                return k;
            }
        }
        for (int k = limit; k > half; k--) {
            if (SOFT_BREAKS.indexOf(text.charAt(k - 1)) >= 0) {
                return k;
            }
        }
        return Character.isLowSurrogate(text.charAt(limit)) && Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }

    /** Any space: Java's whitespace and Unicode's space separators (no-break, narrow no-break, figure spaces). */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The sentences and the two-sentence windows, without vectors. */
    public static List<SourcePassage> passages(String text) {
        List<Sentence> sentences = sentences(text);
        List<SourcePassage> passages = new ArrayList<>(sentences.size() * 2);
        for (int k = 0; k < sentences.size(); k++) {
            Sentence s = sentences.get(k);
            passages.add(new SourcePassage(s.start(), s.end(), text.substring(s.start(), s.end()), false, null));
            if (k + 1 < sentences.size()) {
                Sentence next = sentences.get(k + 1);
                passages.add(new SourcePassage(s.start(), next.end(), text.substring(s.start(), next.end()), true, null));
            }
        }
        return passages;
    }

    private static boolean endsSentence(String text, int at) {
        int next = at + 1;
        if (next < text.length() && !isSpace(text.charAt(next)) && CLOSING.indexOf(text.charAt(next)) < 0) {
            return false; // "3.5", "U.S.", "example.org"
        }
        int wordStart = at;
        int lookBack = Math.max(0, at - LONGEST_ABBREVIATION);
        while (wordStart > lookBack && (Character.isLetter(text.charAt(wordStart - 1)) || text.charAt(wordStart - 1) == '.')) {
            wordStart--;
        }
        String word = text.substring(wordStart, at).toLowerCase(java.util.Locale.ROOT);
        if (text.charAt(at) == '.' && (ABBREVIATIONS.contains(word) || word.length() == 1 && Character.isLetter(text.charAt(at - 1)))) {
            return false;
        }
        int after = closingQuotes(text, next);
        int spaces = 0;
        while (after < text.length() && isSpace(text.charAt(after)) && text.charAt(after) != '\n' && spaces++ < MAX_SENTENCE) {
            after++;
        }
        if (after >= text.length() || text.charAt(after) == '\n') {
            return true;
        }
        // A sentence begins with a capital, or, in a script without capitals (Hangul, kana, Han, Arabic, Devanagari),
        // with any letter; a lower-case letter continues the sentence ("approx. two hours").
        int first = text.codePointAt(after);
        return Character.isUpperCase(first) || Character.isTitleCase(first) || Character.getType(first) == Character.OTHER_LETTER
                || Character.isDigit(first) || "\"“‘'(「『«".indexOf(first) >= 0;
    }

    private static int closingQuotes(String text, int from) {
        int i = from;
        while (i < text.length() && i - from < 8 && CLOSING.indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void add(String text, int start, int end, List<Sentence> sentences) {
        int e = end;
        while (e > start && isSpace(text.charAt(e - 1))) {
            e--;
        }
        // A line of its own with a few letters at most (a heading number, a rule) is no sentence.
        if (e > start && text.substring(start, e).codePoints().filter(Character::isLetter).limit(3).count() >= 3) {
            sentences.add(new Sentence(start, e));
        }
    }
}

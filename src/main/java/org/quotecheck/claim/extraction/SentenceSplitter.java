package org.quotecheck.claim.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a body into sentences, one linear pass. A sentence ends at . ! ? … (or 。！？) followed by space and a
 * capital, digit or opening quote, and at every paragraph break; never inside a quotation, and never after a known
 * abbreviation (Mr., Dr., U.S.) or an initial (J. Smith).
 */
final class SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt",
            "gen", "gov", "sen", "rep", "lt", "col", "sgt", "capt", "cmdr", "adm", "rev", "hon", "pres", "supt", "insp",
            "inc", "corp", "ltd", "co", "no", "nos", "vs", "v", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "e.g", "i.e", "a.m", "p.m", "approx", "est", "dept",
            "univ", "assn", "fig", "al");

    private SentenceSplitter() {
    }

    static List<Span> split(String text, List<QuotedSpan> quotes) {
        List<Span> sentences = new ArrayList<>();
        int n = text.length();
        int quoteIndex = 0;
        int start = 0;
        for (int i = 0; i < n; i++) {
            while (quoteIndex < quotes.size() && quotes.get(quoteIndex).closeMark() < i) {
                quoteIndex++;
            }
            boolean insideQuote = quoteIndex < quotes.size() && quotes.get(quoteIndex).openMark() < i
                    && i < quotes.get(quoteIndex).closeMark();
            char c = text.charAt(i);
            boolean closesQuotedSentence = quoteIndex < quotes.size() && quotes.get(quoteIndex).closeMark() == i
                    && i > 0 && isTerminal(text.charAt(i - 1));
            if (closesQuotedSentence) {
                int end = i + 1;
                while (end < n && isCloser(text.charAt(end))) {
                    end++;
                }
                if (endsSentence(text, i - 1, end)) {
                    add(sentences, text, start, end);
                    start = end;
                    i = end - 1;
                }
                continue;
            }
            if (c == '\n' && !insideQuote) {
                add(sentences, text, start, i);
                start = i + 1;
            } else if (!insideQuote && isTerminal(c)) {
                int end = i + 1;
                while (end < n && isCloser(text.charAt(end))) {
                    end++;
                }
                if (isCjkTerminal(c) || endsSentence(text, i, end)) {
                    add(sentences, text, start, end);
                    start = end;
                    i = end - 1;
                }
            }
        }
        add(sentences, text, start, n);
        return sentences;
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\u2026' || isCjkTerminal(c);
    }

    private static boolean isCjkTerminal(char c) {
        return c == '\u3002' || c == '\uFF01' || c == '\uFF1F';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '\u201D' || c == '\u2019' || c == ')' || c == ']' || c == '\u00BB'
                || c == '\u300D' || c == '\u300F' || c == '.' || c == '!' || c == '?';
    }

    private static boolean endsSentence(String text, int terminal, int end) {
        if (end >= text.length()) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(end))) {
            return false;
        }
        int next = end;
        while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
            next++;
        }
        if (next >= text.length() || text.charAt(next) == '\n') {
            return true;
        }
        char following = text.charAt(next);
        boolean startsSentence = Character.isUpperCase(following) || Character.isDigit(following)
                || "\"'\u201C\u2018\u00AB(".indexOf(following) >= 0 || Character.isIdeographic(following);
        if (!startsSentence) {
            return false;
        }
        return text.charAt(terminal) != '.' || !isAbbreviation(text, terminal);
    }

    /** The word before this period is an abbreviation or an initial, so the period does not end the sentence. */
    private static boolean isAbbreviation(String text, int period) {
        int from = period;
        while (from > 0 && (Character.isLetter(text.charAt(from - 1)) || text.charAt(from - 1) == '.')) {
            from--;
        }
        String word = text.substring(from, period).toLowerCase(Locale.ROOT);
        if (word.length() == 1 && Character.isUpperCase(text.charAt(from))) {
            return true;
        }
        if (word.equals("no") || word.equals("nos")) {
            // "No. 10" is an abbreviation; "voted no. “The numbers ...”" ends a sentence.
            int next = period + 1;
            while (next < text.length() && text.charAt(next) == ' ') {
                next++;
            }
            return next < text.length() && Character.isDigit(text.charAt(next));
        }
        return ABBREVIATIONS.contains(word);
    }

    private static void add(List<Span> sentences, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            sentences.add(new Span(start, end));
        }
    }
}

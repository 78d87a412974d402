package org.quotecheck.verification.meaning;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cuts a source into passages: its sentences (with their offsets), and windows of two neighbouring sentences, so
 * that facts a source states in consecutive sentences ("…for approximately 45 minutes. The meeting had been expected
 * to last around 20 minutes.") can be read together. Sentences end at . ! ? followed by a space and a capital, digit
 * or quotation mark, or at a line break; common abbreviations ("Mr.", "p.m.", "U.S.") and decimals do not end one.
 * Very long sentences are cut at 600 characters. Linear in the text; pure Java.
 */
public final class PassageSplitter {

    static final int MAX_SENTENCE = 600;
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "jan",
            "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov", "sen", "rep", "gen",
            "col", "lt", "sgt", "capt", "inc", "ltd", "co", "corp", "jr", "sr", "etc", "e.g", "i.e", "a.m", "p.m", "u.s",
            "u.k", "u.n", "e.u", "h.e", "approx", "fig", "est");

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
            boolean lineBreak = c == '\n';
            boolean terminal = (c == '.' || c == '!' || c == '?') && endsSentence(text, i);
            if (lineBreak || terminal || i - start >= MAX_SENTENCE && Character.isWhitespace(c)) {
                int end = terminal ? closingQuotes(text, i + 1) : i;
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
        if (next < text.length() && !Character.isWhitespace(text.charAt(next)) && "\"”’')".indexOf(text.charAt(next)) < 0) {
            return false; // "3.5", "U.S.", "example.org"
        }
        int wordStart = at;
        while (wordStart > 0 && (Character.isLetter(text.charAt(wordStart - 1)) || text.charAt(wordStart - 1) == '.')) {
            wordStart--;
        }
        String word = text.substring(wordStart, at).toLowerCase(java.util.Locale.ROOT);
        if (text.charAt(at) == '.' && (ABBREVIATIONS.contains(word) || word.length() == 1 && Character.isLetter(text.charAt(at - 1)))) {
            return false;
        }
        int after = closingQuotes(text, next);
        while (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        if (after >= text.length() || text.charAt(after) == '\n') {
            return true;
        }
        char first = text.charAt(after);
        return Character.isUpperCase(first) || Character.isDigit(first) || "\"“‘'(".indexOf(first) >= 0;
    }

    private static int closingQuotes(String text, int from) {
        int i = from;
        while (i < text.length() && "\"”’')".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void add(String text, int start, int end, List<Sentence> sentences) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        // A line of its own with a few letters at most (a heading number, a rule) is no sentence.
        if (e > start && text.substring(start, e).chars().filter(Character::isLetter).count() >= 3) {
            sentences.add(new Sentence(start, e));
        }
    }
}

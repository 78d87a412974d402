package org.quotecheck.library.ranking;

import org.quotecheck.verification.CheckResult;
import org.quotecheck.verification.CheckResult.Classification;
import org.quotecheck.verification.SourceIndex;
import org.quotecheck.verification.Verifier;
import org.quotecheck.verification.meaning.MeaningChecker;
import org.quotecheck.verification.meaning.PassageSplitter;
import org.quotecheck.verification.meaning.SourcePassage;

import java.util.List;

/**
 * Whether two claims say the same thing, so that one's verdict is worth showing beside the other: the same quote
 * (found word for word in the other, either way round), or the same statement in other words with every fact
 * agreeing (a changed number, a dropped "not", another person is not the same claim). Claims attributed to two
 * different people are never the same. Pure: vectors come from outside, or the check goes by words.
 */
public final class SameClaim {

    /** A claim as compared: its words, whether it is a quote, who said it (or null) and its vector (or null). */
    public record Side(String text, boolean quote, String speaker, float[] vector) {
    }

    private SameClaim() {
    }

    public static boolean same(Side a, Side b) {
        if (!sameSpeaker(a.speaker(), b.speaker()) || opposite(a.text(), b.text())) {
            return false;
        }
        if (a.quote() && b.quote()) {
            return wordForWord(a.text(), b.text()) || wordForWord(b.text(), a.text());
        }
        if (wordForWord(a.text(), b.text()) && wordForWord(b.text(), a.text())) {
            return true;
        }
        return byMeaning(a, b) && byMeaning(b, a);
    }

    /** Words that turn a statement into its opposite: "strengthen" and "weaken" are not the same claim. */
    private static final String[][] OPPOSITES = {{"strengthen", "weaken"}, {"increas", "decreas"}, {"expand", "reduc"},
            {"rais", "lower"}, {"support", "oppos"}, {"accept", "reject"}, {"improv", "worsen"}, {"deepen", "loosen"},
            {"grow", "shrink"}, {"higher", "lower"}, {"allow", "ban"},
            {"agree", "disagree"}, {"approv", "reject"}, {"boost", "cut"}, {"extend", "shorten"}};

    /** Whether one text has one word of an opposite pair and the other the other word, and not both. */
    static boolean opposite(String a, String b) {
        java.util.Set<String> x = new java.util.HashSet<>(java.util.Arrays.asList(Wording.normalise(a).split(" ")));
        java.util.Set<String> y = new java.util.HashSet<>(java.util.Arrays.asList(Wording.normalise(b).split(" ")));
        for (String[] pair : OPPOSITES) {
            boolean xFirst = has(x, pair[0]);
            boolean xSecond = has(x, pair[1]);
            boolean yFirst = has(y, pair[0]);
            boolean ySecond = has(y, pair[1]);
            if (xFirst != yFirst && xSecond != ySecond && xFirst != xSecond) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(java.util.Set<String> words, String stem) {
        return words.stream().anyMatch(w -> w.startsWith(stem) && w.length() <= stem.length() + 4);
    }

    private static boolean wordForWord(String quote, String in) {
        Classification c = Verifier.verify(quote, SourceIndex.build(in), false).classification();
        return c == Classification.VERBATIM || c == Classification.MINOR_DIFFERENCES;
    }

    /** {@code a} checked against {@code b} as its only source. */
    private static boolean byMeaning(Side a, Side b) {
        List<SourcePassage> passages = PassageSplitter.passages(b.text());
        boolean vectors = a.vector() != null && b.vector() != null && passages.size() == 1;
        if (vectors) {
            SourcePassage only = passages.get(0);
            passages = List.of(new SourcePassage(only.start(), only.end(), only.text(), only.window(), b.vector()));
        }
        CheckResult result = MeaningChecker.check(a.text(), SourceIndex.build(b.text()), passages, vectors ? a.vector() : null);
        return Findings.supports(result.classification());
    }

    /** Unknown speakers agree with anyone; known ones agree when one name contains the other's last word. */
    static boolean sameSpeaker(String a, String b) {
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            return true;
        }
        String x = Wording.normalise(a);
        String y = Wording.normalise(b);
        String lastX = x.substring(x.lastIndexOf(' ') + 1);
        String lastY = y.substring(y.lastIndexOf(' ') + 1);
        return (" " + x + " ").contains(" " + lastY + " ") || (" " + y + " ").contains(" " + lastX + " ");
    }
}

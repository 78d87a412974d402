package org.quotecheck.verification;

import org.quotecheck.text.NumberFinder;
import org.quotecheck.text.NumberMention;
import org.quotecheck.verification.CheckResult.Difference;
import org.quotecheck.verification.CheckResult.Kind;
import org.quotecheck.verification.CheckResult.NumberCheck;
import org.quotecheck.verification.CheckResult.Passage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The differences an alignment shows, word by word, and which of them change a fact: a number or unit, a negation,
 * a name put in place of another, a direction turned around. Also checks every number of the quote against the
 * passage.
 */
final class WordDifferences {

    private WordDifferences() {
    }

    static List<Difference> of(List<int[]> ops, Tokens q, Tokens s, int partOffset, Passage passage) {
        Set<String> quoteWords = new HashSet<>();
        for (int i = 0; i < q.size; i++) {
            quoteWords.add(q.normal(i));
        }
        Set<String> passageWords = new HashSet<>();
        for (int[] op : ops) {
            if (op[2] >= 0) {
                passageWords.add(s.normal(op[2]));
            }
        }
        List<Difference> found = new ArrayList<>();
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k)[0] == 0) {
                k++;
                continue;
            }
            if (ops.get(k)[0] == Aligner.EQUIVALENT) {
                int first = k;
                while (k < ops.size() && ops.get(k)[0] == Aligner.EQUIVALENT) {
                    k++;
                }
                int qFrom = ops.get(first)[1];
                int qTo = ops.get(k - 1)[1];
                int sFrom = ops.get(first)[2];
                int sTo = ops.get(k - 1)[2];
                found.add(new Difference(Kind.REPLACED, q.text.substring(q.start(qFrom), q.end(qTo)),
                        s.text.substring(s.start(sFrom), s.end(sTo)), false, "contraction",
                        partOffset + q.start(qFrom), partOffset + q.end(qTo), s.start(sFrom), s.end(sTo)));
                continue;
            }
            int first = k;
            while (k < ops.size() && ops.get(k)[0] != 0 && ops.get(k)[0] != Aligner.EQUIVALENT) {
                k++;
            }
            List<int[]> run = ops.subList(first, k);
            int qFrom = -1;
            int qTo = -1;
            int sFrom = -1;
            int sTo = -1;
            for (int[] op : run) {
                if (op[1] >= 0) {
                    qFrom = qFrom < 0 ? op[1] : qFrom;
                    qTo = op[1];
                }
                if (op[2] >= 0) {
                    sFrom = sFrom < 0 ? op[2] : sFrom;
                    sTo = op[2];
                }
            }
            Kind kind = qFrom >= 0 && sFrom >= 0 ? Kind.REPLACED : qFrom >= 0 ? Kind.INSERTED : Kind.DELETED;
            String quoteText = qFrom < 0 ? "" : q.text.substring(q.start(qFrom), q.end(qTo));
            String sourceText = sFrom < 0 ? "" : s.text.substring(s.start(sFrom), s.end(sTo));
            boolean matchedEntityBefore = first > 0 && isMatchedName(q, s, ops.get(first - 1));
            boolean matchedEntityAfter = k < ops.size() && isMatchedName(q, s, ops.get(k));
            String reason = criticalReason(q, qFrom, qTo, s, sFrom, sTo, quoteWords, passageWords,
                    matchedEntityBefore || matchedEntityAfter);
            found.add(new Difference(kind, quoteText, sourceText, reason != null, reason,
                    qFrom < 0 ? null : partOffset + q.start(qFrom), qTo < 0 ? null : partOffset + q.end(qTo),
                    sFrom < 0 ? null : s.start(sFrom), sTo < 0 ? null : s.end(sTo)));
        }
        return found;
    }

    /** Why a difference changes a fact, or null if it does not. */
    private static String criticalReason(Tokens q, int qFrom, int qTo, Tokens s, int sFrom, int sTo,
                                         Set<String> quoteWords, Set<String> passageWords, boolean besideMatchedName) {
        List<String> quoteSide = normals(q, qFrom, qTo);
        List<String> sourceSide = normals(s, sFrom, sTo);
        if (quoteSide.stream().anyMatch(WordLists::isNumber) || sourceSide.stream().anyMatch(WordLists::isNumber)) {
            return "number changed";
        }
        boolean unitInQuote = quoteSide.stream().anyMatch(WordLists.UNITS::contains);
        boolean unitInSource = sourceSide.stream().anyMatch(WordLists.UNITS::contains);
        // A unit replaced by another unit, or added or dropped; not a unit word lined up against an unrelated word.
        if (unitInQuote && unitInSource && !quoteSide.equals(sourceSide)
                || unitInQuote && sourceSide.isEmpty() || unitInSource && quoteSide.isEmpty()) {
            return "unit changed";
        }
        boolean negationQuote = quoteSide.stream().anyMatch(WordLists::isNegation);
        boolean negationSource = sourceSide.stream().anyMatch(WordLists::isNegation);
        if (negationQuote != negationSource) {
            return "negation " + (negationQuote ? "added" : "dropped");
        }
        int quoteDirection = direction(quoteSide);
        int sourceDirection = direction(sourceSide);
        if (quoteDirection != 0 && sourceDirection != 0 && quoteDirection != sourceDirection) {
            return "direction changed";
        }
        List<String> quoteEntities = entities(q, qFrom, qTo);
        List<String> sourceEntities = entities(s, sFrom, sTo);
        // A name changes a fact when it takes the place of another name; a name for a pronoun ("Lee Jae Myung"
        // for "we", common in reported speech) or a name added does not, on its own.
        if (quoteEntities.isEmpty() || sourceEntities.isEmpty()) {
            return null;
        }
        // "Korea and Japan" for "Japan and Korea": the same names in another order.
        boolean reordered = passageWords.containsAll(quoteEntities) && quoteWords.containsAll(sourceEntities);
        // "Lee Jae Myung" for "President Lee": another form of a name matched next to it.
        boolean nameForm = besideMatchedName && (quoteEntities.isEmpty() || sourceEntities.isEmpty());
        return reordered || nameForm ? null : "name changed";
    }

    /** +1 for words of rising or more, -1 for falling or less, 0 when the words say neither. */
    private static int direction(List<String> words) {
        int sum = 0;
        for (String word : words) {
            if (WordLists.UP.contains(word)) {
                sum++;
            } else if (WordLists.DOWN.contains(word)) {
                sum--;
            }
        }
        return Integer.signum(sum);
    }

    private static List<String> normals(Tokens t, int from, int to) {
        List<String> words = new ArrayList<>();
        if (from >= 0) {
            for (int i = from; i <= to; i++) {
                words.add(t.normal(i));
            }
        }
        return words;
    }

    /** Capitalised words that are not titles and do not merely start a sentence: names of people, places, bodies. */
    private static List<String> entities(Tokens t, int from, int to) {
        List<String> names = new ArrayList<>();
        if (from >= 0) {
            for (int i = from; i <= to; i++) {
                if (isEntity(t, i)) {
                    names.add(t.normal(i));
                }
            }
        }
        return names;
    }

    /** A word written as part of a contraction: two tokens share one written word ("don't" is "do" + "not"). */
    static boolean isContracted(Tokens t, int i) {
        return i > 0 && t.start(i) == t.start(i - 1) || i + 1 < t.size && t.start(i) == t.start(i + 1);
    }

    private static boolean isMatchedName(Tokens q, Tokens s, int[] op) {
        return (op[0] == Aligner.MATCHED || op[0] == Aligner.EQUIVALENT) && (isEntity(q, op[1]) || isEntity(s, op[2]));
    }

    private static boolean isEntity(Tokens t, int i) {
        if (i < 0) {
            return false;
        }
        String word = t.original(i);
        if (!Character.isUpperCase(word.charAt(0)) || WordLists.TITLES.contains(t.normal(i))) {
            return false;
        }
        int before = t.start(i) - 1;
        while (before >= 0 && Character.isWhitespace(t.text.charAt(before))) {
            before--;
        }
        boolean sentenceStart = before < 0 || ".!?\"“‘:\n".indexOf(t.text.charAt(before)) >= 0;
        return !sentenceStart;
    }

    static List<NumberCheck> numberChecks(String quote, String passage) {
        List<NumberMention> inQuote = NumberFinder.find(quote);
        List<NumberMention> inPassage = new ArrayList<>(NumberFinder.find(passage));
        List<NumberCheck> checks = new ArrayList<>();
        List<NumberMention> unmatchedQuote = new ArrayList<>();
        for (NumberMention number : inQuote) {
            NumberMention same = inPassage.stream().filter(p -> p.value() == number.value() && compatibleUnits(number, p))
                    .findFirst().orElse(null);
            if (same != null) {
                inPassage.remove(same);
                checks.add(new NumberCheck(number.text(), same.text(), true));
            } else {
                unmatchedQuote.add(number);
            }
        }
        for (NumberMention number : unmatchedQuote) {
            NumberMention instead = inPassage.isEmpty() ? null : inPassage.remove(0);
            checks.add(new NumberCheck(number.text(), instead == null ? null : instead.text(), false));
        }
        return checks;
    }

    private static boolean compatibleUnits(NumberMention a, NumberMention b) {
        return a.unit() == null || b.unit() == null || a.unit().equals(b.unit());
    }
}

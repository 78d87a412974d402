package org.quotecheck.verification;

import org.quotecheck.text.NumberFinder;
import org.quotecheck.text.NumberMention;
import org.quotecheck.verification.CheckResult.Classification;
import org.quotecheck.verification.CheckResult.Difference;
import org.quotecheck.verification.CheckResult.Kind;
import org.quotecheck.verification.CheckResult.NumberCheck;
import org.quotecheck.verification.CheckResult.Passage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds a quote in an indexed source and says how it differs, word by word. Candidate places come from word
 * trigrams shared with the source (single rare words for short quotes); each candidate window is aligned to the
 * quote at word level (semi-global alignment: the whole quote, any stretch of the source); the best alignment gives
 * the passage, the differences and the classification. Numbers, negations, named entities and direction words are
 * checked explicitly, so a changed number can never pass as a small difference. Pure Java.
 */
public final class Verifier {

    private static final Pattern ELLIPSIS = Pattern.compile("\\s*(?:\\.\\s?\\.\\s?\\.|…|\\[\\s*(?:\\.\\.\\.|…)\\s*])\\s*");
    private static final int MAX_HITS_PER_GRAM = 256;
    private static final int CANDIDATES = 6;
    /** How far, in words, an alignment may stray from its candidate diagonal. */
    static final int MAX_DRIFT = 64;
    /** The longest quote the engine checks; longer input is refused, so that no input can exhaust memory. */
    public static final int MAX_QUOTE_WORDS = 5_000;
    private static final int MATCH = 2;
    private static final int MISMATCH = -1;
    private static final int GAP = -1;
    /** An alignment step between words that mean the same but are written differently (contractions). */
    private static final int EQUIVALENT = 4;

    static final Set<String> NEGATIONS = Set.copyOf(List.of("not", "no", "never", "none", "nobody", "nothing", "neither", "nor",
            "without", "cannot", "can't", "won't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't",
            "hasn't", "haven't", "hadn't", "shouldn't", "wouldn't", "couldn't", "mustn't", "n't"));
    static final Set<String> UP = Set.copyOf(List.of("rose", "rise", "rises", "rising", "increased", "increase",
            "increases", "up", "higher", "more", "doubled", "tripled", "quadrupled", "gained", "gain", "grew", "grow",
            "above", "over", "most", "largest", "biggest", "highest", "surged", "jumped", "climbed", "expanded", "won",
            "win", "approved", "accept", "for", "support", "best", "strongest", "added"));
    static final Set<String> DOWN = Set.copyOf(List.of("fell", "fall", "falls", "falling", "decreased", "decrease",
            "decreases", "down", "lower", "less", "fewer", "halved", "lost", "lose", "loss", "shrank", "shrink", "below",
            "under", "least", "smallest", "lowest", "dropped", "drop", "declined", "decline", "plunged", "slumped",
            "contracted", "rejected", "reject", "against", "oppose", "worst", "weakest", "cut"));
    static final Set<String> UNITS = Set.copyOf(List.of("percent", "minutes", "minute", "hours", "hour", "days", "day", "weeks",
            "week", "months", "month", "years", "year", "million", "billion", "trillion", "thousand", "dollars", "euros",
            "yen", "won", "pounds", "km", "kilometers", "kilometres", "miles", "meters", "metres", "tons", "tonnes",
            "seconds", "decades", "people", "times", "millimetres", "millimeters", "centimetres", "centimeters", "mm",
            "cm", "m", "metre", "meter", "grams", "kilograms", "kg", "litres", "liters", "watts", "megawatts",
            "gigawatts", "terawatt", "hours", "degrees", "celsius", "fahrenheit", "acres", "hectares", "feet", "inches"));
    static final Set<String> TITLES = Set.copyOf(List.of("president", "prime", "minister", "mr", "ms", "mrs", "dr", "prof",
            "professor", "senator", "sen", "rep", "governor", "mayor", "chancellor", "secretary", "general", "judge",
            "chief", "executive", "director", "chair", "chairman", "chairwoman", "king", "queen", "prince", "sir", "lady",
            "ambassador", "council", "member", "the"));
    static final Set<String> STOPWORDS = Set.copyOf(List.of("the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at",
            "for", "with", "by", "from", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that",
            "these", "those", "we", "i", "you", "he", "she", "they", "our", "my", "his", "her", "their", "have", "has",
            "had", "will", "would", "can", "could", "do", "does", "did", "so", "very", "also", "there", "which", "who"));

    private Verifier() {
    }

    /** Checks a quote against a source; {@code reportedSpeech} prefers PARAPHRASE to MINOR_DIFFERENCES. */
    public static CheckResult verify(String quote, SourceIndex source, boolean reportedSpeech) {
        // Far longer than any quote: refused without even reading it.
        int words = quote.length() > MAX_QUOTE_WORDS * 40 ? quote.length() / 6 : Tokens.of(quote).size;
        if (words > MAX_QUOTE_WORDS) {
            throw new QuoteTooLongException(words);
        }
        List<String> parts = new ArrayList<>();
        List<Integer> partOffsets = new ArrayList<>();
        var m = ELLIPSIS.matcher(quote);
        int from = 0;
        while (m.find()) {
            addPart(quote, from, m.start(), parts, partOffsets);
            from = m.end();
        }
        addPart(quote, from, quote.length(), parts, partOffsets);
        if (parts.isEmpty()) {
            return CheckResult.notFound();
        }
        List<PartResult> results = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            results.add(verifyPart(parts.get(i), partOffsets.get(i), source, reportedSpeech));
        }
        return combine(results, source);
    }

    private static void addPart(String quote, int from, int to, List<String> parts, List<Integer> offsets) {
        String part = quote.substring(from, to);
        if (Tokens.of(part).size() > 0) {
            parts.add(part);
            offsets.add(from);
        }
    }

    private record PartResult(Classification classification, double score, Passage passage,
                              List<Difference> differences, List<NumberCheck> numbers) {
    }

    record Alignment(int score, int windowStart, List<int[]> ops) {
        // op: {type, quoteIndex, sourceIndex}; type 0 = match, 1 = replace, 2 = quote only, 3 = source only
    }

    private static PartResult verifyPart(String part, int partOffset, SourceIndex source, boolean reportedSpeech) {
        Tokens q = Tokens.of(part);
        Tokens s = source.tokens;
        List<Integer> candidates = candidateDiagonals(q, source);
        Alignment best = null;
        for (int diagonal : candidates) {
            Alignment alignment = align(q, s, diagonal);
            if (best == null || alignment.score() > best.score()) {
                best = alignment;
            }
        }
        if (best == null) {
            return new PartResult(Classification.NOT_FOUND, 0, null, List.of(), List.of());
        }
        int matched = 0;
        int firstSource = Integer.MAX_VALUE;
        int lastSource = -1;
        for (int[] op : best.ops()) {
            if (op[0] == 0 && isContracted(q, op[1]) != isContracted(s, op[2])) {
                op[0] = EQUIVALENT; // "do not" for "don't": the same words, written differently
            }
            if (op[0] == 0 || op[0] == EQUIVALENT) {
                matched++;
            }
            if (op[0] != 2) {
                firstSource = Math.min(firstSource, op[2]);
                lastSource = Math.max(lastSource, op[2]);
            }
        }
        double coverage = (double) matched / q.size;
        if (matched == 0 || lastSource < 0) {
            return new PartResult(Classification.NOT_FOUND, 0, null, List.of(), List.of());
        }
        int passageStart = s.start(firstSource);
        int passageEnd = s.end(lastSource);
        Passage passage = new Passage(passageStart, passageEnd, s.text.substring(passageStart, passageEnd));
        List<Difference> differences = differences(best.ops(), q, s, partOffset, passage);
        List<NumberCheck> numbers = numberChecks(part, passage.text());
        boolean numbersAgree = numbers.stream().allMatch(NumberCheck::match);
        boolean critical = differences.stream().anyMatch(Difference::critical);
        int passageWords = lastSource - firstSource + 1;
        double score = 2.0 * matched / (q.size + passageWords);

        Classification classification;
        if (coverage < 0.5) {
            double overlap = contentOverlap(q, s, firstSource, lastSource);
            if (overlap < 0.6 && longestMatchedRun(best.ops()) >= 3) {
                // The passage is there (three or more words in a row), but most words differ.
                return new PartResult(Classification.ALTERED, Math.round(score * 1000) / 1000.0, passage, differences, numbers);
            }
            if (overlap < 0.6) {
                return new PartResult(Classification.NOT_FOUND, score, null, List.of(), List.of());
            }
            classification = numbersAgree && !negationMismatch(q, s, firstSource, lastSource)
                    ? Classification.PARAPHRASE : Classification.ALTERED;
            score = Math.max(score, overlap * 0.8);
        } else if (critical || !numbersAgree) {
            classification = Classification.ALTERED;
        } else if (differences.isEmpty()) {
            classification = reportedSpeech ? Classification.PARAPHRASE : Classification.VERBATIM;
        } else if (coverage >= 0.7) {
            classification = reportedSpeech ? Classification.PARAPHRASE : Classification.MINOR_DIFFERENCES;
        } else {
            classification = Classification.PARAPHRASE;
        }
        if (!differences.isEmpty() && classification == Classification.VERBATIM) {
            classification = Classification.MINOR_DIFFERENCES;
        }
        return new PartResult(classification, Math.round(score * 1000) / 1000.0, passage, differences, numbers);
    }

    private static int longestMatchedRun(List<int[]> ops) {
        int longest = 0;
        int run = 0;
        for (int[] op : ops) {
            run = op[0] == 0 || op[0] == EQUIVALENT ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** Start positions in the source where the quote may begin, best supported first. */
    private static List<Integer> candidateDiagonals(Tokens q, SourceIndex source) {
        Map<Integer, Integer> votes = new HashMap<>();
        if (q.size >= 3) {
            for (int i = 0; i + 2 < q.size; i++) {
                for (int position : source.trigramPositions(q.hash[i], q.hash[i + 1], q.hash[i + 2], MAX_HITS_PER_GRAM)) {
                    votes.merge(position - i, 1, Integer::sum);
                }
            }
        }
        if (votes.isEmpty()) {
            for (int i = 0; i < q.size; i++) {
                if (q.size > 2 && STOPWORDS.contains(q.normal(i))) {
                    continue;
                }
                for (int position : source.wordPositions(q.hash[i], MAX_HITS_PER_GRAM)) {
                    votes.merge(position - i, 1, Integer::sum);
                }
            }
        }
        List<Map.Entry<Integer, Integer>> ranked = new ArrayList<>(votes.entrySet());
        ranked.sort(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<Integer> chosen = new ArrayList<>();
        int spread = Math.max(2, q.size / 3);
        for (Map.Entry<Integer, Integer> entry : ranked) {
            if (chosen.stream().noneMatch(c -> Math.abs(c - entry.getKey()) <= spread)) {
                chosen.add(entry.getKey());
                if (chosen.size() == CANDIDATES) {
                    break;
                }
            }
        }
        return chosen;
    }

    /**
     * Semi-global word alignment: every quote word is accounted for; source words outside the passage are free. The
     * alignment is banded: row {@code i} (quote word {@code i}) only considers source words within {@code drift} of
     * the candidate diagonal, so memory and time are {@code O(n × drift)}, never {@code O(n²)}, whatever the input.
     * With {@code drift = min(n/2 + 3, MAX_DRIFT)} a quote of up to about 120 words sees exactly the window an
     * unbanded alignment would; longer ones may drift by at most {@link #MAX_DRIFT} words from the diagonal, far more
     * than any quote that still matches its source.
     */
    static Alignment align(Tokens q, Tokens s, int diagonal) {
        int n = q.size;
        int drift = Math.min(n / 2 + 3, MAX_DRIFT);
        int windowStart = Math.max(0, diagonal - drift);
        int windowEnd = Math.min(s.size, diagonal + n + drift);
        int w = Math.max(0, windowEnd - windowStart);
        int centre = diagonal - windowStart; // column of quote word 0 on the diagonal (1-based columns)
        Band band = new Band(n, w, centre, drift);
        for (int j = band.lo[0]; j <= band.hi[0]; j++) {
            band.set(0, j, 0);
        }
        for (int i = 1; i <= n; i++) {
            long qh = q.hash[i - 1];
            for (int j = band.lo[i]; j <= band.hi[i]; j++) {
                int best = band.get(i - 1, j) + GAP;
                if (j > 0) {
                    best = Math.max(best, band.get(i - 1, j - 1) + (qh == s.hash[windowStart + j - 1] ? MATCH : MISMATCH));
                    best = Math.max(best, band.get(i, j - 1) + GAP);
                }
                band.set(i, j, best);
            }
        }
        // On a tie, end later: "in Africa" against "in Asia" is a replaced word, not an added one.
        int bestJ = band.lo[n];
        for (int j = band.lo[n] + 1; j <= band.hi[n]; j++) {
            int here = band.get(n, j);
            if (here > band.get(n, bestJ) || here == band.get(n, bestJ) && j == bestJ + 1
                    && band.get(n - 1, j - 1) + MISMATCH == here) {
                bestJ = j;
            }
        }
        List<int[]> ops = new ArrayList<>();
        int i = n;
        int j = bestJ;
        while (i > 0) {
            boolean same = j > 0 && q.hash[i - 1] == s.hash[windowStart + j - 1];
            if (j > 0 && band.get(i, j) == band.get(i - 1, j - 1) + (same ? MATCH : MISMATCH)) {
                ops.add(new int[] {same ? 0 : 1, i - 1, windowStart + j - 1});
                i--;
                j--;
            } else if (band.get(i, j) == band.get(i - 1, j) + GAP) {
                ops.add(new int[] {2, i - 1, -1});
                i--;
            } else {
                ops.add(new int[] {3, -1, windowStart + j - 1});
                j--;
            }
        }
        java.util.Collections.reverse(ops);
        // Source-only words before the first aligned quote word are outside the passage.
        while (!ops.isEmpty() && ops.get(0)[0] == 3) {
            ops.remove(0);
        }
        return new Alignment(band.get(n, bestJ), windowStart, ops);
    }

    /**
     * The cells of a banded alignment: row {@code i} keeps columns {@code lo[i]..hi[i]} (at most
     * {@code 2 × drift + 1} of them); every other cell is unreachable. Rows are clamped to the window, so no row is
     * empty: a quote running past either end of the source aligns its extra words as gaps.
     */
    private static final class Band {
        private static final int UNREACHABLE = Integer.MIN_VALUE / 4;
        final int[] lo;
        final int[] hi;
        private final int[][] cells;

        Band(int n, int w, int centre, int drift) {
            lo = new int[n + 1];
            hi = new int[n + 1];
            cells = new int[n + 1][];
            for (int i = 0; i <= n; i++) {
                lo[i] = Math.max(0, Math.min(centre + i - drift, w));
                hi[i] = Math.max(lo[i], Math.min(w, centre + i + drift));
                cells[i] = new int[hi[i] - lo[i] + 1];
            }
        }

        int get(int i, int j) {
            return j < lo[i] || j > hi[i] ? UNREACHABLE : cells[i][j - lo[i]];
        }

        void set(int i, int j, int value) {
            cells[i][j - lo[i]] = value;
        }
    }

    private static List<Difference> differences(List<int[]> ops, Tokens q, Tokens s, int partOffset, Passage passage) {
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
            if (ops.get(k)[0] == EQUIVALENT) {
                int first = k;
                while (k < ops.size() && ops.get(k)[0] == EQUIVALENT) {
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
            while (k < ops.size() && ops.get(k)[0] != 0 && ops.get(k)[0] != EQUIVALENT) {
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
                    qFrom < 0 ? -1 : partOffset + q.start(qFrom), qTo < 0 ? -1 : partOffset + q.end(qTo),
                    sFrom < 0 ? -1 : s.start(sFrom), sTo < 0 ? -1 : s.end(sTo)));
        }
        return found;
    }

    /** Why a difference changes a fact, or null if it does not. */
    private static String criticalReason(Tokens q, int qFrom, int qTo, Tokens s, int sFrom, int sTo,
                                         Set<String> quoteWords, Set<String> passageWords, boolean besideMatchedName) {
        List<String> quoteSide = normals(q, qFrom, qTo);
        List<String> sourceSide = normals(s, sFrom, sTo);
        if (quoteSide.stream().anyMatch(Verifier::isNumber) || sourceSide.stream().anyMatch(Verifier::isNumber)) {
            return "number changed";
        }
        boolean unitInQuote = quoteSide.stream().anyMatch(UNITS::contains);
        boolean unitInSource = sourceSide.stream().anyMatch(UNITS::contains);
        // A unit replaced by another unit, or added or dropped; not a unit word lined up against an unrelated word.
        if (unitInQuote && unitInSource && !quoteSide.equals(sourceSide)
                || unitInQuote && sourceSide.isEmpty() || unitInSource && quoteSide.isEmpty()) {
            return "unit changed";
        }
        boolean negationQuote = quoteSide.stream().anyMatch(Verifier::isNegation);
        boolean negationSource = sourceSide.stream().anyMatch(Verifier::isNegation);
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
            if (UP.contains(word)) {
                sum++;
            } else if (DOWN.contains(word)) {
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
    private static boolean isContracted(Tokens t, int i) {
        return i > 0 && t.start(i) == t.start(i - 1) || i + 1 < t.size && t.start(i) == t.start(i + 1);
    }

    private static boolean isMatchedName(Tokens q, Tokens s, int[] op) {
        return (op[0] == 0 || op[0] == EQUIVALENT) && (isEntity(q, op[1]) || isEntity(s, op[2]));
    }

    private static boolean isEntity(Tokens t, int i) {
        if (i < 0) {
            return false;
        }
        String word = t.original(i);
        if (!Character.isUpperCase(word.charAt(0)) || TITLES.contains(t.normal(i))) {
            return false;
        }
        int before = t.start(i) - 1;
        while (before >= 0 && Character.isWhitespace(t.text.charAt(before))) {
            before--;
        }
        boolean sentenceStart = before < 0 || ".!?\"“‘:\n".indexOf(t.text.charAt(before)) >= 0;
        return !sentenceStart;
    }

    static boolean isNumber(String normal) {
        return !normal.isEmpty() && Character.isDigit(normal.charAt(0));
    }

    private static boolean isNegation(String normal) {
        return NEGATIONS.contains(normal) || normal.endsWith("n't");
    }

    private static List<NumberCheck> numberChecks(String quote, String passage) {
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

    /** Share of the quote's content-word stems found in the passage: the lexical baseline for paraphrase. */
    private static double contentOverlap(Tokens q, Tokens s, int from, int to) {
        Set<String> passage = new HashSet<>();
        for (int i = Math.max(0, from - q.size); i <= Math.min(s.size - 1, to + q.size); i++) {
            passage.add(stem(s.normal(i)));
        }
        int content = 0;
        int found = 0;
        for (int i = 0; i < q.size; i++) {
            String word = q.normal(i);
            if (STOPWORDS.contains(word)) {
                continue;
            }
            content++;
            if (passage.contains(stem(word))) {
                found++;
            }
        }
        return content == 0 ? 0 : (double) found / content;
    }

    private static boolean negationMismatch(Tokens q, Tokens s, int from, int to) {
        boolean inQuote = false;
        for (int i = 0; i < q.size; i++) {
            inQuote |= isNegation(q.normal(i));
        }
        boolean inSource = false;
        for (int i = from; i <= to; i++) {
            inSource |= isNegation(s.normal(i));
        }
        return inQuote != inSource;
    }

    static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {"ingly", "edly", "ing", "ed", "ies", "es", "ly", "s"}) {
            if (w.length() > suffix.length() + 3 && w.endsWith(suffix)) {
                return w.substring(0, w.length() - suffix.length());
            }
        }
        return w;
    }

    private static CheckResult combine(List<PartResult> parts, SourceIndex source) {
        List<PartResult> found = parts.stream().filter(p -> p.passage() != null).toList();
        if (found.isEmpty()) {
            return CheckResult.notFound();
        }
        Classification worst = Classification.VERBATIM;
        for (PartResult part : parts) {
            Classification c = part.passage() == null ? Classification.ALTERED : part.classification();
            if (rank(c) > rank(worst)) {
                worst = c;
            }
        }
        boolean inOrder = true;
        for (int i = 1; i < found.size(); i++) {
            inOrder &= found.get(i).passage().start() >= found.get(i - 1).passage().end();
        }
        if (!inOrder && worst == Classification.VERBATIM) {
            worst = Classification.MINOR_DIFFERENCES;
        }
        List<Passage> segments = found.stream().map(PartResult::passage).sorted(Comparator.comparingInt(Passage::start)).toList();
        int start = segments.get(0).start();
        int end = segments.stream().mapToInt(Passage::end).max().orElse(start);
        Passage passage = new Passage(start, end, source.text().substring(start, end));
        double score = parts.stream().mapToDouble(PartResult::score).average().orElse(0);
        List<Difference> differences = found.stream().flatMap(p -> p.differences().stream()).toList();
        List<NumberCheck> numbers = found.stream().flatMap(p -> p.numbers().stream()).toList();
        return new CheckResult(worst, Math.round(score * 1000) / 1000.0, passage, segments.size() > 1 ? segments : List.of(),
                differences, numbers);
    }

    private static int rank(Classification c) {
        return switch (c) {
            case VERBATIM -> 0;
            case MINOR_DIFFERENCES -> 1;
            case PARAPHRASE -> 2;
            case NOT_FOUND -> 3;
            case ALTERED -> 4;
        };
    }
}

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
    /** The longest quote the engine checks; longer input is refused, so that no input can exhaust memory. */
    public static final int MAX_QUOTE_WORDS = 5_000;


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

    private static PartResult verifyPart(String part, int partOffset, SourceIndex source, boolean reportedSpeech) {
        Tokens q = Tokens.of(part);
        Tokens s = source.tokens;
        List<Integer> candidates = CandidateSearch.diagonals(q, source);
        Aligner.Alignment best = null;
        for (int diagonal : candidates) {
            Aligner.Alignment alignment = Aligner.align(q, s, diagonal);
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
            if (op[0] == 0 && WordDifferences.isContracted(q, op[1]) != WordDifferences.isContracted(s, op[2])) {
                op[0] = Aligner.EQUIVALENT; // "do not" for "don't": the same words, written differently
            }
            if (op[0] == 0 || op[0] == Aligner.EQUIVALENT) {
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
        List<Difference> differences = WordDifferences.of(best.ops(), q, s, partOffset, passage);
        List<NumberCheck> numbers = WordDifferences.numberChecks(part, passage.text());
        boolean numbersAgree = numbers.stream().allMatch(NumberCheck::match);
        boolean critical = differences.stream().anyMatch(Difference::critical);
        int passageWords = lastSource - firstSource + 1;
        double score = 2.0 * matched / (q.size + passageWords);

        Classification classification;
        if (coverage < 0.5) {
            double overlap = contentOverlap(q, s, firstSource, lastSource);
            if (overlap < 0.6 && Aligner.longestMatchedRun(best.ops()) >= 3) {
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






    /** Share of the quote's content-word stems found in the passage: the lexical baseline for paraphrase. */
    private static double contentOverlap(Tokens q, Tokens s, int from, int to) {
        Set<String> passage = new HashSet<>();
        for (int i = Math.max(0, from - q.size); i <= Math.min(s.size - 1, to + q.size); i++) {
            passage.add(WordLists.stem(s.normal(i)));
        }
        int content = 0;
        int found = 0;
        for (int i = 0; i < q.size; i++) {
            String word = q.normal(i);
            if (WordLists.STOPWORDS.contains(word)) {
                continue;
            }
            content++;
            if (passage.contains(WordLists.stem(word))) {
                found++;
            }
        }
        return content == 0 ? 0 : (double) found / content;
    }

    private static boolean negationMismatch(Tokens q, Tokens s, int from, int to) {
        boolean inQuote = false;
        for (int i = 0; i < q.size; i++) {
            inQuote |= WordLists.isNegation(q.normal(i));
        }
        boolean inSource = false;
        for (int i = from; i <= to; i++) {
            inSource |= WordLists.isNegation(s.normal(i));
        }
        return inQuote != inSource;
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

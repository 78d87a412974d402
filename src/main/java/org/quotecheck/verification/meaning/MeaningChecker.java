package org.quotecheck.verification.meaning;

import org.quotecheck.embedding.Embedder;
import org.quotecheck.verification.CheckResult;
import org.quotecheck.verification.CheckResult.Classification;
import org.quotecheck.verification.CheckResult.Difference;
import org.quotecheck.verification.CheckResult.FactCheck;
import org.quotecheck.verification.CheckResult.NumberCheck;
import org.quotecheck.verification.CheckResult.Passage;
import org.quotecheck.verification.SourceIndex;
import org.quotecheck.verification.Tokens;
import org.quotecheck.verification.WordLists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a statement or reported speech by meaning: finds the passages that speak of the same thing (by the cosine
 * of their embeddings when there are any, and by the claim's words), lines up the facts of the claim with those of
 * the closest ones, and says PARAPHRASE when the source says the same thing with every fact agreeing, ALTERED when it
 * speaks of the same thing but a fact differs (each such fact a critical difference), NOT_FOUND when nothing in the
 * source speaks of it. Pure Java: the vectors come from outside.
 */
public final class MeaningChecker {

    /** How many passages are shortlisted by each signal, then read in full. */
    private static final int SHORTLIST = 40;
    /** How many of the closest passages have their facts compared. */
    private static final int COMPARED = 8;
    /** A passage this much less related than the closest still counts as an alternative reading of the source. */
    private static final double CLOSE_SECOND = 0.08;
    static final double RELATED_WITH_VECTORS = 0.45;
    static final double MIN_COVERAGE_WITH_VECTORS = 0.25;
    static final double RELATED_WORDS_ONLY = 0.5;
    private static final int CONTEXT = 600;
    /** Below this relatedness, a passage in which none of the claim's facts occurs is not about the claim. */
    private static final double UNRELATED_IF_NOTHING_MATCHES = 0.6;
    /** How many of the best-ranked passages have their quantities read to sharpen the ranking. */
    private static final int QUANTITY_READ = 24;
    /** "million" in "$99 million" says how big a number is, not what the claim is about. */
    private static final Set<String> SCALE_WORDS = Set.of("hundred", "thousand", "million", "billion", "trillion", "bn", "m");
    private static final Set<String> SPEECH_WORDS = Set.of("said", "says", "say", "told", "added", "stated", "noted",
            "argued", "warned", "claimed", "according", "reporters", "also", "would", "will", "had", "has", "have");

    private MeaningChecker() {
    }

    /**
     * @param passages    the source's passages with their vectors (from storage), or null to cut them here (no vectors)
     * @param claimVector the claim's embedding, or null when there is no model: the check then goes by words only
     */
    public static CheckResult check(String claim, SourceIndex source, List<SourcePassage> passages, float[] claimVector) {
        Attribution attribution = Attribution.of(claim);
        String clause = attribution.clause();
        List<SourcePassage> all = passages == null ? PassageSplitter.passages(source.text()) : passages;
        ClaimWords words = ClaimWords.of(clause, attribution.speaker());
        if (all.isEmpty() || words.stems().isEmpty()) {
            return CheckResult.notFound();
        }
        boolean vectors = claimVector != null && all.stream().anyMatch(p -> p.vector() != null);
        List<Candidate> candidates = shortlist(words, source, all, vectors ? claimVector : null);
        Facts claimFacts = FactExtractor.extract(clause);
        candidates = withQuantityEvidence(candidates, claimFacts, vectors);
        List<Evaluated> related = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!isRelated(c, vectors)) {
                continue;
            }
            related.add(evaluate(c, clause, claimFacts, attribution.speaker(), words, source.text()));
            if (related.size() == COMPARED) {
                break;
            }
        }
        if (related.isEmpty()) {
            return new CheckResult(Classification.NOT_FOUND, 0, null, List.of(), List.of(), List.of(),
                    CheckResult.Method.MEANING, List.of(), null);
        }
        boolean claimHasFacts = !claimFacts.quantities().isEmpty() || !claimFacts.names().isEmpty()
                || !claimFacts.actions().isEmpty() || !claimFacts.roles().isEmpty();
        related.sort(Comparator.comparingDouble((Evaluated e) -> e.weight(claimHasFacts)).reversed());
        Evaluated best = related.get(0);
        Evaluated chosen = best;
        if (!best.supports()) {
            // Another reading that supports the claim wins only if it is nearly as close and checks as much.
            chosen = related.stream().filter(e -> e.supports() && e.weight(claimHasFacts) >= best.weight(claimHasFacts) - CLOSE_SECOND
                    && e.checks().size() >= best.checks().size()).findFirst().orElse(best);
        }
        // The claim is about something the source never names ("HPV vaccination" against a report on measles), and
        // the closest passage is only loosely related: the source does not say it.
        String lowerSource = source.text().toLowerCase(java.util.Locale.ROOT);
        boolean unknownTopic = claimFacts.names().stream().anyMatch(n -> n.kind() == Facts.Name.Kind.OTHER
                && !lowerSource.contains(n.text().toLowerCase(java.util.Locale.ROOT)));
        if (unknownTopic && chosen.candidate().relatedness() < UNRELATED_IF_NOTHING_MATCHES) {
            return new CheckResult(Classification.NOT_FOUND, 0, null, List.of(), List.of(), List.of(),
                    CheckResult.Method.MEANING, List.of(), null);
        }
        // Nothing of the claim is in the closest passage and it is only loosely related: the source does not say it.
        boolean nothingThere = !chosen.checks().isEmpty() && chosen.checks().stream().allMatch(f -> !f.agree() && f.sourceText() == null);
        if (nothingThere && chosen.candidate().relatedness() < UNRELATED_IF_NOTHING_MATCHES) {
            return new CheckResult(Classification.NOT_FOUND, 0, null, List.of(), List.of(), List.of(),
                    CheckResult.Method.MEANING, List.of(), null);
        }
        return result(chosen);
    }

    private static boolean isRelated(Candidate c, boolean vectors) {
        if (vectors) {
            return c.relatedness() >= RELATED_WITH_VECTORS && c.coverage() >= MIN_COVERAGE_WITH_VECTORS
                    || c.coverage() >= RELATED_WORDS_ONLY + 0.15;
        }
        return c.coverage() >= RELATED_WORDS_ONLY;
    }

    private record Candidate(SourcePassage passage, double cosine, double coverage, double relatedness) {
    }

    private record Evaluated(Candidate candidate, List<FactCheck> checks, int direct) {
        boolean supports() {
            return checks.stream().allMatch(FactCheck::agree);
        }

        /**
         * How strongly this passage is the one the claim speaks of: its relatedness, a little more for each of the
         * claim's facts it states itself, less when it states none of them (a heading, a passing mention).
         */
        double weight(boolean claimHasFacts) {
            boolean roles = checks.stream().anyMatch(f -> f.kind().equals("ROLE"));
            boolean actions = checks.stream().anyMatch(f -> f.kind().equals("ACTION") || f.kind().equals("NEGATION"));
            return candidate.relatedness() + 0.05 * Math.min(direct, 4) + (roles ? 0.08 : 0) + (actions ? 0.05 : 0)
                    - (claimHasFacts && direct == 0 ? 0.1 : 0);
        }
    }

    /** The claim's content words: their stems (for reading passages) and their hashes (for the source index). */
    private record ClaimWords(Set<String> stems, long[] hashes) {
        static ClaimWords of(String clause, String speaker) {
            Set<String> speakerWords = new HashSet<>();
            if (speaker != null) {
                for (String w : speaker.toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
                    speakerWords.add(w);
                }
            }
            Tokens tokens = Tokens.of(clause);
            Set<String> stems = new LinkedHashSet<>();
            List<Long> hashes = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                String normal = tokens.normal(i);
                if (WordLists.STOPWORDS.contains(normal) || SPEECH_WORDS.contains(normal) || speakerWords.contains(normal)
                        || SCALE_WORDS.contains(normal)
                        || normal.isEmpty() || Character.isDigit(normal.charAt(0)) || normal.length() < 2) {
                    continue;
                }
                if (stems.add(WordLists.stem(normal))) {
                    hashes.add(tokens.hash(i));
                }
            }
            return new ClaimWords(stems, hashes.stream().mapToLong(Long::longValue).toArray());
        }
    }

    /**
     * The passages worth reading in full: the closest by cosine, and those where most of the claim's words occur
     * (found through the source's word index, not by reading every passage). Then each is read and scored.
     */
    private static List<Candidate> shortlist(ClaimWords words, SourceIndex source, List<SourcePassage> all, float[] claimVector) {
        Set<Integer> chosen = new LinkedHashSet<>();
        if (claimVector != null) {
            Integer[] order = new Integer[all.size()];
            float[] cosine = new float[all.size()];
            for (int i = 0; i < all.size(); i++) {
                order[i] = i;
                cosine[i] = all.get(i).vector() == null ? -1 : Embedder.cosine(claimVector, all.get(i).vector());
            }
            Arrays.sort(order, (a, b) -> Float.compare(cosine[b], cosine[a]));
            chosen.addAll(Arrays.asList(order).subList(0, Math.min(SHORTLIST, order.length)));
        }
        chosen.addAll(byWordHits(words, source, all));
        Map<Integer, Candidate> scored = new HashMap<>();
        for (int i : chosen) {
            SourcePassage p = all.get(i);
            double coverage = coverage(words.stems(), p.text());
            double cosine = claimVector != null && p.vector() != null ? Embedder.cosine(claimVector, p.vector()) : 0;
            double relatedness = claimVector != null ? 0.5 * cosine + 0.5 * coverage : coverage;
            scored.put(i, new Candidate(p, cosine, coverage, relatedness));
        }
        List<Candidate> ranked = new ArrayList<>(scored.values());
        ranked.sort(Comparator.comparingDouble(Candidate::relatedness).reversed()
                .thenComparing(c -> c.passage().window()).thenComparingInt(c -> c.passage().start()));
        return ranked;
    }

    /**
     * A passage that gives the same kind of quantities as the claim (durations, proportions, money…) is about the
     * same thing more likely than its words alone say, and more so when the values agree: "planned for twenty
     * minutes but ran to forty-five" shares few words with "scheduled for 20 minutes, but it ended up lasting 45".
     */
    private static List<Candidate> withQuantityEvidence(List<Candidate> ranked, Facts claimFacts, boolean vectors) {
        if (claimFacts.quantities().isEmpty()) {
            return ranked;
        }
        List<Candidate> boosted = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Candidate c = ranked.get(i);
            if (i >= QUANTITY_READ) {
                boosted.add(c);
                continue;
            }
            List<Quantity> theirs = FactExtractor.extract(c.passage().text()).quantities();
            long comparable = claimFacts.quantities().stream().filter(q -> theirs.stream().anyMatch(q::comparableWith)).count();
            long agreeing = claimFacts.quantities().stream()
                    .filter(q -> theirs.stream().anyMatch(t -> q.comparableWith(t) && q.agreesWith(t))).count();
            double share = claimFacts.quantities().size();
            double bonus = 0.1 * comparable / share + 0.15 * agreeing / share;
            double coverage = Math.min(1, c.coverage() + bonus);
            double relatedness = vectors ? 0.5 * c.cosine() + 0.5 * coverage : coverage;
            boosted.add(new Candidate(c.passage(), c.cosine(), coverage, relatedness));
        }
        boosted.sort(Comparator.comparingDouble(Candidate::relatedness).reversed()
                .thenComparing(c -> c.passage().window()).thenComparingInt(c -> c.passage().start()));
        return boosted;
    }

    private static List<Integer> byWordHits(ClaimWords words, SourceIndex source, List<SourcePassage> all) {
        int[] starts = all.stream().mapToInt(SourcePassage::start).toArray();
        Map<Integer, Set<Integer>> hits = new HashMap<>();
        for (int w = 0; w < words.hashes().length; w++) {
            for (int position : source.wordPositions(words.hashes()[w], 5_000)) {
                int offset = source.tokens().start(position);
                int at = Arrays.binarySearch(starts, offset);
                int index = at >= 0 ? at : -at - 2;
                // The passages around the offset: the sentence and the windows that contain it.
                for (int k = Math.max(0, index - 3); k <= Math.min(all.size() - 1, index + 1); k++) {
                    if (all.get(k).start() <= offset && offset < all.get(k).end()) {
                        hits.computeIfAbsent(k, x -> new HashSet<>()).add(w);
                    }
                }
            }
        }
        return hits.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size())
                .limit(SHORTLIST).map(Map.Entry::getKey).toList();
    }

    /** The share of the claim's content stems that the passage has. */
    static double coverage(Set<String> stems, String passage) {
        Tokens tokens = Tokens.of(passage);
        Set<String> there = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            there.add(WordLists.stem(tokens.normal(i)));
        }
        long found = stems.stream().filter(there::contains).count();
        return (double) found / stems.size();
    }

    private static Evaluated evaluate(Candidate c, String clause, Facts claimFacts, String speaker, ClaimWords words, String sourceText) {
        SourcePassage p = c.passage();
        Facts passageFacts = FactExtractor.extract(p.text());
        int from = Math.max(0, p.start() - CONTEXT);
        int to = Math.min(sourceText.length(), p.end() + CONTEXT);
        Facts context = FactExtractor.extract(sourceText.substring(from, to));
        List<FactCheck> checks = FactComparison.compare(clause, claimFacts, speaker, transcriptSpeaker(sourceText, p.start()),
                passageFacts, context, p.text(), sourceText.substring(from, to), words.stems());
        int direct = (int) checks.stream().filter(f -> f.sourceText() != null && p.text().contains(f.sourceText())).count();
        return new Evaluated(c, checks, direct);
    }

    /** A transcript's label ("PRIME MINISTER TAKAICHI:") for the turn the passage is in, or null. */
    private static final java.util.regex.Pattern TRANSCRIPT_LABEL = java.util.regex.Pattern.compile(
            "(?m)^([A-Z][A-Z .'’-]{2,60}):");

    static String transcriptSpeaker(String source, int at) {
        int from = Math.max(0, at - 5_000);
        java.util.regex.Matcher m = TRANSCRIPT_LABEL.matcher(source.substring(from, Math.min(source.length(), at + 60)));
        String label = null;
        int labelAt = -1;
        while (m.find()) {
            if (from + m.start() <= at + 1) {
                label = m.group(1).strip();
                labelAt = from + m.start();
            }
        }
        if (label == null || label.equals("Q") || label.startsWith("REPORTER") || label.startsWith("QUESTION")) {
            return null;
        }
        // Only this turn: another label between the label and the passage would have been found instead.
        return labelAt >= 0 ? label.substring(0, 1) + label.substring(1).toLowerCase(java.util.Locale.ROOT) : null;
    }

    private static CheckResult result(Evaluated chosen) {
        SourcePassage p = chosen.candidate().passage();
        Passage passage = new Passage(p.start(), p.end(), p.text());
        List<Difference> differences = new ArrayList<>();
        List<NumberCheck> numbers = new ArrayList<>();
        for (FactCheck f : chosen.checks()) {
            if (!f.agree()) {
                differences.add(new Difference(f.sourceText() == null ? CheckResult.Kind.INSERTED : CheckResult.Kind.REPLACED,
                        f.claimText() == null ? "" : f.claimText(), f.sourceText() == null ? "" : f.sourceText(), true,
                        f.reason(), null, null, null, null));
            }
            if (isNumeric(f.kind())) {
                numbers.add(new NumberCheck(f.claimText(), f.sourceText(), f.agree()));
            }
        }
        Classification classification = chosen.supports() ? Classification.PARAPHRASE : Classification.ALTERED;
        double score = Math.round(chosen.candidate().relatedness() * 1000) / 1000.0;
        return new CheckResult(classification, score, passage, List.of(), differences, numbers, CheckResult.Method.MEANING,
                chosen.checks(), null);
    }

    private static boolean isNumeric(String kind) {
        return !kind.equals("NAME") && !kind.equals("NEGATION") && !kind.equals("ACTION") && !kind.equals("ROLE");
    }
}

package org.quotecheck.library.ranking;

import org.junit.jupiter.api.Test;
import org.quotecheck.verification.CheckResult;
import org.quotecheck.verification.CheckResult.Classification;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure parts of library search: the full-text query, rank fusion, the order and wording of findings. */
class RankingTest {

    @Test
    void oppositeWordsAreNeverTheSameClaim() {
        assertThat(SameClaim.opposite("We need to strengthen our cooperation.", "we need to weaken our cooperation")).isTrue();
        assertThat(SameClaim.opposite("Exports increased sharply.", "Exports decreased sharply.")).isTrue();
        assertThat(SameClaim.opposite("We need to strengthen our cooperation.", "Our cooperation must be strengthened.")).isFalse();
        assertThat(SameClaim.opposite("They will increase taxes, not decrease them.", "They will not decrease taxes; they increase them.")).isFalse();
        assertThat(SameClaim.same(new SameClaim.Side("Lee said we need to strengthen our cooperation with Japan.", false, null, null),
                new SameClaim.Side("Lee said we need to weaken our cooperation with Japan.", false, null, null))).isFalse();
    }

    @Test
    void aClaimBecomesPairsOfNeighbouringContentWords() {
        TextQuery q = TextQuery.of("She told reporters the meeting was initially scheduled for 20 minutes but lasted 45 minutes.");
        assertThat(q.filter()).isEqualTo("(meeting & initially) | (initially & scheduled) | (scheduled & minutes)"
                + " | (minutes & lasted) | (lasted & minutes)");
        assertThat(q.rank()).isEqualTo("meeting | initially | scheduled | minutes | lasted | 20 | 45");
        assertThat(TextQuery.of("Growth.").filter()).isEqualTo("growth");
        assertThat(TextQuery.of("It was not so.")).isNull();
        assertThat(TextQuery.of(null)).isNull();
    }

    @Test
    void wordsTheLibraryUsesEverywhereDoNotMakePairs() {
        java.util.Map<String, Double> shares = java.util.Map.of("council", 0.2, "meet", 0.05);
        TextQuery q = TextQuery.of(List.of("council", "meet", "bridg", "", "cost", "euro"), List.of("45"),
                w -> shares.getOrDefault(w, 0.0));
        assertThat(q.filter()).isEqualTo("(bridg & cost) | (cost & euro)");
        assertThat(q.rank()).isEqualTo("council | meet | bridg | cost | euro | 45");
        // Only common words: the two rarest make the pair.
        assertThat(TextQuery.of(List.of("council", "meet", "said"), List.of(), w -> shares.getOrDefault(w, 0.5)).filter())
                .isEqualTo("(meet & council)");
        assertThat(TextQuery.of(List.of("", ""), List.of("45"), w -> 0.0)).isNull();
        // Whatever the stemmer gives back, only letters and digits are used.
        assertThat(TextQuery.of(List.of("a'b", "x:*", "ok"), List.of("4|5"), w -> 0.0).rank()).isEqualTo("ok");
    }

    @Test
    void onlyLettersAndDigitsReachTheQuery() {
        TextQuery q = TextQuery.of("'); DROP TABLE source; -- it's <-> & | ! :* \\\\ Ünïcödé naïve café");
        assertThat(q.filter() + q.rank()).matches("[\\p{L}\\p{N} ()&|]+");
        assertThat(q.rank()).contains("ünïcödé").contains("café");
    }

    @Test
    void longClaimsAreSearchedByTheirFirstWords() {
        String words = String.join(" ", java.util.Collections.nCopies(10, "alpha beta gamma delta epsilon"));
        assertThat(TextQuery.of(words).rank().split(" \\| ")).hasSizeLessThanOrEqualTo(TextQuery.MAX_WORDS);
    }

    @Test
    void fusionRewardsWhatBothRankingsFind() {
        Map<String, Double> fused = Fusion.reciprocalRank(List.of(List.of("a", "b", "c"), List.of("c", "d")));
        assertThat(fused.keySet()).containsExactly("c", "a", "b", "d"); // b and d tie: the first seen first
        assertThat(fused.get("c")).isEqualTo(1.0 / 63 + 1.0 / 61);
        assertThat(Fusion.reciprocalRank(List.of(List.of(), List.of()))).isEmpty();
    }

    private static CheckResult lexical(Classification c, double score, String reason, String quote, String source) {
        List<CheckResult.Difference> differences = reason == null ? List.of()
                : List.of(new CheckResult.Difference(CheckResult.Kind.REPLACED, quote, source, true, reason, 0, 1, 0, 1));
        List<CheckResult.NumberCheck> numbers = "number changed".equals(reason)
                ? List.of(new CheckResult.NumberCheck(quote, source, false)) : List.of();
        return new CheckResult(c, score, new CheckResult.Passage(0, 1, "x"), List.of(), differences, numbers);
    }

    @Test
    void supportingSourcesComeFirstThenContradictionsAboutTheSameNames() {
        CheckResult paraphrase = lexical(Classification.PARAPHRASE, 0.7, null, null, null);
        CheckResult verbatim = lexical(Classification.VERBATIM, 1.0, null, null, null);
        CheckResult otherBridge = lexical(Classification.ALTERED, 0.95, "name changed", "Velx", "Vely");
        CheckResult otherNumber = lexical(Classification.ALTERED, 0.9, "number changed", "45 million euros", "30 million euros");
        CheckResult nothing = CheckResult.notFound();
        List<CheckResult> ordered = Findings.best(List.of(otherBridge, nothing, paraphrase, otherNumber, verbatim), r -> r, 10);
        assertThat(ordered).containsExactly(verbatim, paraphrase, otherNumber, otherBridge);
        assertThat(Findings.best(List.of(otherBridge, verbatim, otherNumber), r -> r, 2)).containsExactly(verbatim, otherNumber);
    }

    private static CheckResult meaning(Classification c, double score) {
        List<CheckResult.FactCheck> facts = c == Classification.ALTERED
                ? List.of(new CheckResult.FactCheck("NUMBER", "45 minutes", "30 minutes", false, "the number differs")) : List.of();
        return new CheckResult(c, score, new CheckResult.Passage(0, 1, "x"), List.of(), List.of(), List.of(),
                CheckResult.Method.MEANING, facts, null);
    }

    @Test
    void forAQuoteOtherWordsAreNotSupportAndWeakMatchesByMeaningAreLeftOut() {
        CheckResult verbatim = lexical(Classification.VERBATIM, 1.0, null, null, null);
        CheckResult inOtherWords = meaning(Classification.PARAPHRASE, 0.8);
        CheckResult closeContradiction = meaning(Classification.ALTERED, 0.9);
        CheckResult weakContradiction = meaning(Classification.ALTERED, 0.6);
        CheckResult weak = meaning(Classification.PARAPHRASE, 0.48);
        List<CheckResult> all = List.of(weak, weakContradiction, inOtherWords, closeContradiction, verbatim);
        assertThat(Findings.best(all, r -> r, 10, true)).containsExactly(verbatim, closeContradiction, weakContradiction, inOtherWords);
        assertThat(Findings.best(all, r -> r, 10, false)).containsExactly(verbatim, inOtherWords, closeContradiction, weakContradiction);
        assertThat(Findings.summary(inOtherWords, "Lee remarks", true)).isEqualTo("not word for word, only in other words in: Lee remarks");
        assertThat(Findings.summary(inOtherWords, "Lee remarks", false)).isEqualTo("in other words in: Lee remarks");
        assertThat(Findings.supports(Classification.PARAPHRASE, true)).isFalse();
        // A contradiction with no differing fact, or a word-by-word match to another sentence, is no answer.
        CheckResult unexplained = new CheckResult(Classification.ALTERED, 0.9, new CheckResult.Passage(0, 1, "x"), List.of(),
                List.of(), List.of(), CheckResult.Method.MEANING, List.of(), null);
        CheckResult otherSentence = lexical(Classification.ALTERED, 0.45, "number changed", "45 minutes", "two");
        assertThat(Findings.best(List.of(unexplained, otherSentence, verbatim), r -> r, 10, true)).containsExactly(verbatim);
    }

    @Test
    void eachFindingInOneLine() {
        assertThat(Findings.summary(lexical(Classification.VERBATIM, 1, null, null, null), "Takaichi doorstep remarks"))
                .isEqualTo("verbatim in: Takaichi doorstep remarks");
        assertThat(Findings.summary(lexical(Classification.ALTERED, 0.9, "number changed", "30 minutes", "20 minutes"), "MOFA summary"))
                .isEqualTo("contradicted by: MOFA summary, 30 vs 20 minutes");
        CheckResult byMeaning = new CheckResult(Classification.ALTERED, 0.8, new CheckResult.Passage(0, 1, "x"), List.of(), List.of(),
                List.of(), CheckResult.Method.MEANING, List.of(new CheckResult.FactCheck("NEGATION", "not", null, false,
                "the source does not say \"not\"")), null);
        assertThat(Findings.summary(byMeaning, "Readout")).isEqualTo("contradicted by: Readout, the source does not say \"not\"");
        assertThat(Findings.summary(CheckResult.notFound(), "Anything")).isEqualTo("nothing found");
        CheckResult dropped = new CheckResult(Classification.ALTERED, 0.9, new CheckResult.Passage(0, 1, "x"), List.of(),
                List.of(new CheckResult.Difference(CheckResult.Kind.DELETED, null, "not", true, "negation changed", null, null, 3, 6)),
                List.of());
        assertThat(Findings.summary(dropped, "Readout")).isEqualTo("contradicted by: Readout, negation changed");
        assertThat(Findings.versus("Lee", "Kim")).isEqualTo("Lee vs Kim");
        assertThat(Findings.versus("45 million euros", "30 million euros")).isEqualTo("45 vs 30 million euros");
    }

    @Test
    void theSameWordsHaveTheSameKey() {
        assertThat(Wording.key("“It was 45 minutes,” she said.")).isEqualTo(Wording.key("it was 45 minutes she said"));
        assertThat(Wording.normalise("Café  NAÏVE — 20%")).isEqualTo("cafe naive 20");
        assertThat(Wording.key("45 minutes")).isNotEqualTo(Wording.key("54 minutes"));
    }

    @Test
    void twoClaimsAreTheSameOnlyWhenEveryFactAgreesAndTheSpeakerIsTheSame() {
        SameClaim.Side quote = new SameClaim.Side("The meeting was scheduled for 20 minutes but lasted 45 minutes.", true,
                "Sanae Takaichi", null);
        assertThat(SameClaim.same(quote, new SameClaim.Side("the meeting was scheduled for 20 minutes, but lasted 45 minutes", true,
                "Takaichi", null))).isTrue();
        assertThat(SameClaim.same(quote, new SameClaim.Side("scheduled for 20 minutes", true, null, null))).isTrue();
        assertThat(SameClaim.same(quote, new SameClaim.Side("The meeting was scheduled for 30 minutes but lasted 45 minutes.", true,
                "Sanae Takaichi", null))).isFalse();
        assertThat(SameClaim.same(quote, new SameClaim.Side("The meeting was scheduled for 20 minutes but lasted 45 minutes.", true,
                "Lee Jae Myung", null))).isFalse();
        SameClaim.Side statement = new SameClaim.Side("The talks were planned for 20 minutes but lasted 45 minutes.", false, null, null);
        assertThat(SameClaim.same(statement, new SameClaim.Side("The talks lasted 45 minutes though 20 minutes were planned.", false,
                null, null))).isTrue();
        assertThat(SameClaim.same(statement, new SameClaim.Side("The talks lasted 50 minutes though 20 minutes were planned.", false,
                null, null))).isFalse();
    }
}

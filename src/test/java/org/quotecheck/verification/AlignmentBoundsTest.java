package org.quotecheck.verification;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The alignment's memory is bounded whatever the input: the band keeps it linear in the quote's length, and quotes
 * beyond {@link Verifier#MAX_QUOTE_WORDS} are refused before any work. Within the band, the banded alignment finds
 * the same best score as a full alignment over the same window.
 */
class AlignmentBoundsTest {

    private static final String[] WORDS = ("council budget bridge harbour tax rose fell percent million ferry school"
            + " hospital minister mayor said would not never more less year month week road rail water power").split(" ");

    @Test
    void aQuoteOfThirtyTwoThousandWordsIsRefusedAtOnce() {
        String quote = "word ".repeat(32_000);
        SourceIndex source = SourceIndex.build("word ".repeat(100));
        assertThatThrownBy(() -> Verifier.verify(quote, source, false)).isInstanceOf(QuoteTooLongException.class)
                .hasMessageContaining("at most " + Verifier.MAX_QUOTE_WORDS);
    }

    @Test
    void theLongestAllowedQuoteAllocatesMegabytesNotGigabytes() {
        Random random = new Random(7);
        String sourceText = randomText(random, 40_000);
        // The whole quote is in the source: the worst case for the alignment, every candidate runs its full length.
        String[] sourceWords = sourceText.split(" ");
        String quote = String.join(" ", java.util.Arrays.copyOfRange(sourceWords, 1_000, 1_000 + Verifier.MAX_QUOTE_WORDS));
        SourceIndex source = SourceIndex.build(sourceText);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        CheckResult result = Verifier.verify(quote, source, false);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(result.classification()).isEqualTo(CheckResult.Classification.VERBATIM);
        // An unbanded alignment needs 5,000 × 10,000 ints (200 MB) per candidate window.
        assertThat(allocated).as("bytes allocated").isLessThan(64L * 1024 * 1024);
    }

    @Test
    void bandedScoreEqualsTheFullAlignmentForQuotesThatStayInTheBand() {
        Random random = new Random(11);
        String sourceText = randomText(random, 3_000);
        String[] words = sourceText.split(" ");
        Tokens s = Tokens.of(sourceText);
        for (int trial = 0; trial < 300; trial++) {
            int length = 3 + random.nextInt(110);
            int at = random.nextInt(words.length - length);
            StringBuilder quote = new StringBuilder();
            for (int k = at; k < at + length; k++) {
                int edit = random.nextInt(20);
                if (edit == 0) {
                    continue; // a dropped word
                }
                quote.append(edit == 1 ? WORDS[random.nextInt(WORDS.length)] : words[k]).append(' ');
                if (edit == 2) {
                    quote.append("indeed ");
                }
            }
            Tokens q = Tokens.of(quote.toString());
            int diagonal = at + random.nextInt(5) - 2;
            int drift = Math.min(q.size / 2 + 3, Aligner.MAX_DRIFT);
            int windowStart = Math.max(0, diagonal - drift);
            int windowEnd = Math.min(s.size, diagonal + q.size + drift);
            assertThat(Aligner.align(q, s, diagonal).score()).as("trial " + trial)
                    .isEqualTo(fullScore(q, s, windowStart, windowEnd));
        }
    }

    /** The textbook semi-global alignment over the whole window, as the engine did before it was banded. */
    private static int fullScore(Tokens q, Tokens s, int windowStart, int windowEnd) {
        int n = q.size;
        int w = windowEnd - windowStart;
        int[][] score = new int[n + 1][w + 1];
        for (int i = 1; i <= n; i++) {
            score[i][0] = -i;
            for (int j = 1; j <= w; j++) {
                int diagonal = score[i - 1][j - 1] + (q.hash(i - 1) == s.hash(windowStart + j - 1) ? 2 : -1);
                score[i][j] = Math.max(diagonal, Math.max(score[i - 1][j] - 1, score[i][j - 1] - 1));
            }
        }
        int best = Integer.MIN_VALUE;
        for (int j = 0; j <= w; j++) {
            best = Math.max(best, score[n][j]);
        }
        return best;
    }

    private static String randomText(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(50)).append(' ');
        }
        return text.toString().strip();
    }
}

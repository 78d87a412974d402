package org.quotecheck.verification.meaning;

import org.junit.jupiter.api.Test;
import org.quotecheck.verification.SourceIndex;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Text no one wrote on purpose (the library benchmark's synthetic sources found the first case): numbers in digits
 * and words, units and linking words in any order never make fact extraction or the meaning check throw.
 */
class FactExtractorRobustnessTest {

    private static final String[] PIECES = {"ten", "ten ten", "twenty-one", "a dozen", "half", "44 kilometres", "45 million euros",
        "12 percent", "20 minutes", "but lasted", "45", "from", "to", "than", "2027", "3.5", "people", "days", "Brennan said",
        "bakoed", "in last", "its", "of", "the", "an hour", "twice", "x2", "1,200", "$4.5bn", "up to", "Oct. 30", "per cent"};

    @Test
    void theSentenceThatFoundTheFirstCase() {
        String text = "Lindqvist said bas dens people galkoed nesko when by than in 44 kilometres jofenmar. Brennan said ten ten this"
                + " also bakoed of ithhar in last opplo koloyr its.";
        assertThatCode(() -> FactExtractor.extract(text)).doesNotThrowAnyException();
        assertThat(FactExtractor.extract(text).quantities()).isNotEmpty();
    }

    @Test
    void randomSentencesNeverThrow() {
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 3 + random.nextInt(14);
            for (int k = 0; k < length; k++) {
                text.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextInt(6) == 0 ? ". " : " ");
            }
            String claim = text.toString().strip();
            assertThatCode(() -> FactExtractor.extract(claim)).as(claim).doesNotThrowAnyException();
            if (i % 50 == 0) {
                String source = claim.replace("45", "54") + " " + claim;
                assertThatCode(() -> MeaningChecker.check(claim, SourceIndex.build(source), null, null)).as(claim)
                        .doesNotThrowAnyException();
            }
        }
    }
}

package org.quotecheck.claim.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared sample article: every gold quote exactly, with its speaker, type and numbers. */
class SampleArticleTest {

    private final GoldArticle sample = GoldArticle.sample();
    private final List<ExtractedClaim> claims = ClaimExtractor.extract(sample.body());

    @Test
    void everyGoldQuoteIsFoundWithItsSpeakerAndType() {
        for (GoldArticle.GoldQuote gold : sample.quotes()) {
            assertThat(claims).as(gold.text())
                    .anySatisfy(c -> {
                        assertThat(c.start()).isEqualTo(gold.start());
                        assertThat(c.end()).isEqualTo(gold.end());
                        assertThat(c.text()).isEqualTo(gold.text());
                        assertThat(c.type()).isEqualTo(gold.type());
                        assertThat(c.speaker()).isEqualTo(gold.speaker());
                    });
        }
    }

    @Test
    void reportedSpeechCarriesItsNumbersAndCue() {
        ExtractedClaim reported = claims.stream().filter(c -> c.type() == ClaimType.INDIRECT_QUOTE).findFirst().orElseThrow();
        assertThat(reported.speaker()).isEqualTo("Sanae Takaichi");
        assertThat(reported.cue()).isEqualTo("told reporters");
        assertThat(reported.numbers()).extracting(n -> n.text() + "=" + n.plainValue() + " " + n.unit())
                .containsExactly("20 minutes=20 minutes", "45 minutes=45 minutes");
        assertThat(reported.numbers().get(0).start()).isEqualTo(sample.body().indexOf("20 minutes"));
    }

    @Test
    void quotationMarksStayOutsideTheSpans() {
        claims.stream().filter(c -> c.type() == ClaimType.DIRECT_QUOTE || c.type() == ClaimType.PARTIAL_QUOTE)
                .forEach(c -> {
                    assertThat(sample.body().charAt(c.start() - 1)).isIn('“', '"');
                    assertThat(sample.body().charAt(c.end())).isIn('”', '"');
                });
    }

    @Test
    void checkWorthyStatementsAreSentencesWithNumbersDatesOrFirsts() {
        List<String> statements = claims.stream().filter(c -> c.type() == ClaimType.STATEMENT).map(ExtractedClaim::text).toList();
        assertThat(statements).anyMatch(s -> s.contains("becoming the first woman to hold the position"))
                .anyMatch(s -> s.contains("from 1910 to 1945"))
                // Checkable without a number: a named event, a disputed territory's control, a claimed reception.
                .anyMatch(s -> s.contains("reached agreements on trade and economic cooperation"))
                .anyMatch(s -> s.contains("the sovereignty dispute over Dokdo, controlled by Korea"))
                .anyMatch(s -> s.endsWith("has surprised many observers"))
                .noneMatch(s -> s.startsWith("This reflects that"))
                .noneMatch(s -> s.startsWith("The two East Asian democratic countries"));
    }
}

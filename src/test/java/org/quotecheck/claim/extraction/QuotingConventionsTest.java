package org.quotecheck.claim.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per quoting convention, on short texts written for it. */
class QuotingConventionsTest {

    private static List<ExtractedClaim> quotes(String body) {
        return ClaimExtractor.extract(body).stream().filter(c -> c.type().isQuote()).toList();
    }

    @Test
    void splitQuoteGivesOneSpeakerForBothParts() {
        List<ExtractedClaim> q = quotes("Mayor Dana Whitfield spoke on Monday.\n\"We will open the bridge,\" Whitfield said. \"It is safe.\"");
        assertThat(q).extracting(ExtractedClaim::text).containsExactly("We will open the bridge,", "It is safe.");
        assertThat(q).extracting(ExtractedClaim::speaker).containsOnly("Dana Whitfield");
    }

    @Test
    void speakerAfterTheVerbDropsTitlesAndRoles() {
        List<ExtractedClaim> q = quotes("“Sales doubled,” said the company’s chief executive, Jonas Berg.\n"
                + "“We are hiring,” said Council Member Ana Ruiz.\n“Trust the data,” said Dr. Mei Lin, a statistician.");
        assertThat(q).extracting(ExtractedClaim::speaker).containsExactly("Jonas Berg", "Ana Ruiz", "Mei Lin");
    }

    @Test
    void shortFormsAndPronounsResolveToTheFullName() {
        List<ExtractedClaim> q = quotes("Prime Minister Sanae Takaichi met reporters.\nTakaichi said, “It went well.”\n"
                + "She added, “We will meet again.”");
        assertThat(q).extracting(ExtractedClaim::speaker).containsExactly("Sanae Takaichi", "Sanae Takaichi");
    }

    @Test
    void speakerInThePreviousSentence() {
        List<ExtractedClaim> q = quotes("Senator Elena Marsh took the floor. She said:\n“This is the wrong bill.”");
        assertThat(q).singleElement().satisfies(c -> {
            assertThat(c.speaker()).isEqualTo("Elena Marsh");
            assertThat(c.type()).isEqualTo(ClaimType.DIRECT_QUOTE);
        });
    }

    @Test
    void quoteOverSeveralParagraphsIsOneClaim() {
        String body = "Governor Ray Holt said:\n“First paragraph of the statement.\n“Second paragraph, and the end.”";
        assertThat(quotes(body)).singleElement().satisfies(c -> {
            assertThat(c.text()).startsWith("First paragraph").endsWith("and the end.");
            assertThat(c.speaker()).isEqualTo("Ray Holt");
        });
    }

    @Test
    void nestedSingleQuotesArePartOfTheQuoteAndApostrophesAreNotQuotes() {
        String body = "“They called it a ‘reset’ and it’s the company’s best year since the ’90s,” Sofia Reyes said.";
        assertThat(quotes(body)).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("They called it a ‘reset’ and it’s the company’s best year since the ’90s,");
            assertThat(c.speaker()).isEqualTo("Sofia Reyes");
        });
        assertThat(quotes("It's the company's plan for the '90s and the council's budget.")).isEmpty();
    }

    @Test
    void singleQuotesAsQuotesOfTheirOwn() {
        assertThat(quotes("‘We are ready,’ Henrik Dahl said.")).singleElement()
                .satisfies(c -> assertThat(c.text()).isEqualTo("We are ready,"));
    }

    @Test
    void guillemetsAndCornerBrackets() {
        assertThat(quotes("La ministre Claire Dubois a déclaré : « Nous sommes prêts. »")).singleElement()
                .satisfies(c -> assertThat(c.text()).isEqualTo("Nous sommes prêts."));
        assertThat(quotes("佐藤健二社長は「協力を続けます」と述べた。")).singleElement()
                .satisfies(c -> assertThat(c.text()).isEqualTo("協力を続けます"));
    }

    @Test
    void scareQuotesKeepANullSpeaker() {
        assertThat(quotes("Mayor Dana Whitfield left early. The so-called “reform” package failed.")).singleElement()
                .satisfies(c -> {
                    assertThat(c.type()).isEqualTo(ClaimType.PARTIAL_QUOTE);
                    assertThat(c.speaker()).isNull();
                });
    }

    @Test
    void ellipsesStayInsideTheQuote() {
        assertThat(quotes("“We tried … and we failed,” said Tom Okafor.")).singleElement()
                .satisfies(c -> assertThat(c.text()).isEqualTo("We tried … and we failed,"));
    }

    @Test
    void reportedSpeechWithAccordingToAndSaidThat() {
        List<ExtractedClaim> claims = ClaimExtractor.extract(
                "Mayor Dana Whitfield said that the city would hire 12 firefighters.");
        assertThat(claims).filteredOn(c -> c.type() == ClaimType.INDIRECT_QUOTE).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("the city would hire 12 firefighters");
            assertThat(c.speaker()).isEqualTo("Dana Whitfield");
            assertThat(c.cue()).isEqualTo("said");
        });
        assertThat(ClaimExtractor.extract("Analysts said that the market would recover."))
                .noneMatch(c -> c.type() == ClaimType.INDIRECT_QUOTE);
    }
}

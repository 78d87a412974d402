package org.quotecheck.claim.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Input that could break a naive extractor finishes without exceptions (timing is measured by the benchmark). */
class PathologicalInputTest {

    @Test
    void emptyAndBlankBodies() {
        assertThat(ClaimExtractor.extract("")).isEmpty();
        assertThat(ClaimExtractor.extract(null)).isEmpty();
        assertThat(ClaimExtractor.extract(" \n\n\t ")).isEmpty();
    }

    @Test
    void textWithoutQuotes() {
        assertThat(ClaimExtractor.extract("The river is wide. Birds fly over it.")).isEmpty();
    }

    @Test
    void unbalancedAndStrayQuotationMarks() {
        List<ExtractedClaim> claims = ClaimExtractor.extract("He said “this never closes.\nA new paragraph ” with a stray mark.\n"
                + "\"Straight open only\nAnd ' single ’ marks ‘ everywhere");
        assertThat(claims).noneMatch(c -> c.text().contains("\n"));
    }

    @Test
    void oneHundredThousandQuotationMarksInARow() {
        assertThat(ClaimExtractor.extract("\"".repeat(100_000))).isEmpty();
        assertThat(ClaimExtractor.extract("“".repeat(100_000))).isEmpty();
        assertThat(ClaimExtractor.extract("“a” ".repeat(25_000))).hasSize(25_000);
    }

    @Test
    void twoMegabyteBody() {
        String paragraph = "Mayor Dana Whitfield said the city would spend $3.2 million on 14 roads. "
                + "“We will fix them all,” she said. The council voted 7 to 2.\n";
        String body = paragraph.repeat(2 * 1024 * 1024 / paragraph.length());
        List<ExtractedClaim> claims = ClaimExtractor.extract(body);
        assertThat(claims).filteredOn(c -> c.type() == ClaimType.DIRECT_QUOTE).hasSize(body.length() / paragraph.length())
                .allMatch(c -> "Dana Whitfield".equals(c.speaker()));
    }

    @Test
    void koreanAndJapaneseText() {
        String korean = "이재명 대통령은 \"한일 협력이 중요하다\"고 말했다. 회담은 45분 동안 진행됐다.";
        String japanese = "高市早苗首相は「非常に楽しい会話だった」と述べた。会談は４５分間続いた。";
        assertThat(ClaimExtractor.extract(korean)).anySatisfy(c -> assertThat(c.text()).isEqualTo("한일 협력이 중요하다"));
        assertThat(ClaimExtractor.extract(japanese)).anySatisfy(c -> assertThat(c.text()).isEqualTo("非常に楽しい会話だった"));
    }
}

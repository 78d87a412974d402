package org.quotecheck.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumberFinderTest {

    private static String describe(String text) {
        return String.join("; ", NumberFinder.find(text).stream()
                .map(n -> n.text() + "=" + n.plainValue() + (n.unit() == null ? "" : " " + n.unit())).toList());
    }

    @Test
    void digitsWordsScalesCurrenciesAndPercentages() {
        assertThat(describe("It lasted twenty minutes, not forty-five minutes.")).isEqualTo("twenty minutes=20 minutes; forty-five minutes=45 minutes");
        assertThat(describe("A $1.8 billion deal and 1.8 billion people")).isEqualTo("$1.8 billion=1800000000 USD; 1.8 billion people=1800000000 people");
        assertThat(describe("Fares rose to $2.75, up 46 percent, or 46%.")).isEqualTo("$2.75=2.75 USD; 46 percent=46 percent; 46%=46 percent");
        assertThat(describe("1,000 jobs in 2026")).isEqualTo("1,000 jobs=1000 jobs; 2026=2026");
        assertThat(describe("two hundred and six bones")).isEqualTo("two hundred and six=206");
    }

    @Test
    void pronounOneAndIdentifiersAreNotNumbers() {
        assertThat(NumberFinder.find("No one knows; one of them left. COVID-19 and A4 paper.")).isEmpty();
        assertThat(describe("one hour")).isEqualTo("one hour=1 hour");
    }
}

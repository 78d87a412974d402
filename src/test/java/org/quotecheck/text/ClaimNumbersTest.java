package org.quotecheck.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimNumbersTest {

    private static String describe(String text) {
        return String.join("; ", ClaimNumbers.in(text).stream()
                .map(n -> n.text() + "=" + n.plainValue() + (n.unit() == null ? "" : " " + n.unit())).toList());
    }

    @Test
    void labelsAndDefiniteReferencesAreNotQuantities() {
        assertThat(describe("Riders on Line 3 and Route 66 waited 40 minutes.")).isEqualTo("40 minutes=40 minutes");
        assertThat(describe("Article 9 and section 2 of bill 1204 apply to 300 workers."))
                .isEqualTo("300 workers=300 workers");
        assertThat(describe("The two countries signed three agreements.")).isEqualTo("three=3");
        assertThat(describe("Flight 370 carried 239 people.")).isEqualTo("239 people=239 people");
    }

    @Test
    void comparisonsAreFound() {
        var found = ClaimNumbers.in("They waited nearly twice the city average, and a third of them more than an hour.");
        assertThat(found).extracting(NumberMention::text).contains("nearly twice", "a third");
        assertThat(found.get(0).value()).isEqualTo(2.0);
        assertThat(found.get(0).unit()).isEqualTo("times");
        assertThat(found.get(1).value()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(found.get(1).unit()).isEqualTo("fraction");
        assertThat(ClaimNumbers.in("Prices are three times what they were.").get(0).value()).isEqualTo(3.0);
        assertThat(describe("Half of the budget went to roads.")).startsWith("Half=0.5 fraction");
        // A number that is already there is not counted twice.
        assertThat(ClaimNumbers.in("It doubled to 40 percent.")).hasSize(1);
    }

    @Test
    void aDayOfAMonthIsADateNotACount() {
        assertThat(describe("The bridge reopens on 14 March, and the pier on March 3, with 20 buses."))
                .isEqualTo("14 March=14 date; March 3=3 date; 20=20");
        assertThat(describe("On Thursday, October 30th, they met for 45 minutes.")).isEqualTo("October 30th=30 date; 45 minutes=45 minutes");
        // A number with a unit is a count even next to a month; a word that only starts like a month is no month.
        assertThat(describe("In May 12 people were hurt.")).isEqualTo("12 people=12 people");
        assertThat(describe("Trading halted for 3 Marches of protest.")).isEqualTo("3=3");
    }
}

package org.quotecheck.verification.meaning;

import org.junit.jupiter.api.Test;
import org.quotecheck.verification.CheckResult;
import org.quotecheck.verification.CheckResult.Classification;
import org.quotecheck.verification.SourceIndex;

import static org.assertj.core.api.Assertions.assertThat;

/** One kind of fact at a time: each pair differs from its source in that fact only, or agrees in other words. */
class FactComparisonTest {

    private static CheckResult check(String claim, String source) {
        return MeaningChecker.check(claim, SourceIndex.build(source), null, null);
    }

    private static void agrees(String claim, String source) {
        CheckResult result = check(claim, source);
        assertThat(result.classification()).as(claim + " | " + result.facts()).isEqualTo(Classification.PARAPHRASE);
    }

    private static void differs(String claim, String source, String kind) {
        CheckResult result = check(claim, source);
        assertThat(result.classification()).as(claim + " | " + result.facts()).isEqualTo(Classification.ALTERED);
        assertThat(result.facts()).as(claim).anyMatch(f -> !f.agree() && f.kind().equals(kind));
        assertThat(result.differences()).allMatch(CheckResult.Difference::critical).isNotEmpty();
    }

    @Test
    void numbersInDigitsAndWordsAndTheirUnits() {
        String source = "The council approved 45 new homes and the project will cost $2.5 million.";
        agrees("The council approved forty-five new homes.", source);
        differs("The council approved 54 new homes.", source, "NUMBER");
        agrees("The project will cost 2.5 million dollars.", source);
        differs("The project will cost $3.5 million.", source, "MONEY");
    }

    @Test
    void proportionsAndRatios() {
        String source = "One in three residents of the district lives alone, and 46 percent rent their homes.";
        agrees("A third of the district's residents live alone.", source);
        differs("A quarter of the district's residents live alone.", source, "PROPORTION");
        agrees("Nearly half of residents in the district rent their homes.", source);
        differs("Two thirds of residents in the district rent their homes.", source, "PROPORTION");
    }

    @Test
    void multipliersAgainstEachOtherAndAgainstPercentages() {
        String source = "Sales of the tablets roughly doubled last year, while exports fell by a third.";
        agrees("Tablet sales roughly doubled last year.", source);
        differs("Tablet sales roughly tripled last year.", source, "MULTIPLIER");
        differs("Exports of the tablets halved last year.", source, "MULTIPLIER");
        agrees("Tablet sales were about 100 percent higher last year.", "Sales of the tablets doubled last year.");
    }

    @Test
    void durationsAcrossUnits() {
        String source = "The hearing lasted 60 minutes and the break took a quarter of an hour.";
        agrees("The hearing went on for an hour.", source);
        differs("The hearing went on for two hours.", source, "DURATION");
        agrees("The break at the hearing took 15 minutes.", source);
        differs("The hearing lasted 45 minutes.", source, "DURATION");
    }

    @Test
    void datesMonthsAndYears() {
        String source = "The treaty was signed on 14 March 1998 in Geneva.";
        agrees("The treaty was signed in Geneva on March 14, 1998.", source);
        differs("The treaty was signed in Geneva on 14 March 1999.", source, "YEAR");
        differs("The treaty was signed in Geneva on 15 March 1998.", source, "DATE");
    }

    @Test
    void namesOfPeopleAndCountries() {
        String source = "Prime Minister Sanae Takaichi met President Lee Jae Myung of the Republic of Korea in Gyeongju.";
        agrees("Takaichi met the South Korean leader Lee in Gyeongju.", "Prime Minister Sanae Takaichi met President Lee "
                + "Jae Myung in Gyeongju, South Korea.");
        agrees("Takaichi met President Lee of South Korea in Gyeongju.", source);
        differs("Takaichi met President Lee of North Korea in Gyeongju.", source, "NAME");
        differs("Takaichi met Moon Jae-in of the Republic of Korea in Gyeongju.", source, "NAME");
    }

    @Test
    void negationAndOpposites() {
        agrees("The ministers agreed to keep up the talks.", "The ministers agreed to continue the talks.");
        differs("The ministers agreed to suspend the talks.", "The ministers agreed to continue the talks.", "ACTION");
        differs("The bank raised its interest rate.", "The bank kept its interest rate unchanged.", "ACTION");
        differs("The bank cut its interest rate.", "The bank raised its interest rate.", "ACTION");
        differs("Inflation fell in May.", "Inflation rose in May.", "ACTION");
        differs("The party is behind in the latest poll.", "The party is ahead in the latest poll.", "ACTION");
        differs("Japan and Korea will coordinate without the United States.",
                "Japan and Korea will coordinate with the United States.", "NEGATION");
        agrees("The coach said she would stay at the club.", "The coach said she would not leave the club.");
        differs("The coach said she would leave the club.", "The coach said she would not leave the club.", "NEGATION");
    }

    @Test
    void whoDidWhatToWhom() {
        String source = "PRIME MINISTER TAKAICHI: I invited the President to visit Japan again.";
        agrees("Takaichi said she had invited the President to visit Japan again.", source);
        differs("Takaichi said the President had invited her to visit Japan again.", source, "ROLE");
        differs("Lee invited Takaichi to the summit.", "Takaichi invited Lee to the summit.", "ROLE");
    }

    /** What a reviewer tried on the summit sources: none of these may pass as a faithful paraphrase. */
    @Test
    void changedActionsPartiesAndPlacesNeverPassAsFaithful() throws Exception {
        String summary = StatementPairsTest.resource("/corpus/sources/mofa-summit-summary-2025-10-30.txt");
        String doorstep = StatementPairsTest.resource("/corpus/sources/takaichi-doorstep-2025-10-30.txt");
        for (String claim : new String[] {"The leaders agreed to end shuttle diplomacy.", "Lee invited Takaichi to visit Korea again.",
                "Takaichi invited Lee to visit China.", "Takaichi criticised Lee over the abductions issue."}) {
            for (String source : new String[] {summary, doorstep}) {
                assertThat(check(claim, source).classification()).as(claim).isNotEqualTo(Classification.PARAPHRASE);
            }
        }
        assertThat(check("Takaichi said she had invited Lee to visit Japan again.", doorstep).classification())
                .isEqualTo(Classification.PARAPHRASE);
    }

    @Test
    void somethingTheSourceDoesNotSayIsNotFound() {
        CheckResult result = check("The two leaders signed a deal on semiconductor supply chains.",
                "The two leaders agreed to deepen cooperation on the ageing population and youth exchanges.");
        assertThat(result.classification()).isEqualTo(Classification.NOT_FOUND);
        assertThat(result.passage()).isNull();
    }
}

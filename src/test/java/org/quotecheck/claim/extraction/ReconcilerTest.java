package org.quotecheck.claim.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcilerTest {

    private static final String OLD = "Mayor Dana Whitfield said, “We will fix the bridge.” It costs $3 million.";

    @Test
    void keptClaimsMoveWithTheirTextAndGoneOnesAreFlagged() {
        List<ExtractedClaim> before = ClaimExtractor.extract(OLD);
        ExtractedClaim quote = before.stream().filter(c -> c.type() == ClaimType.DIRECT_QUOTE).findFirst().orElseThrow();
        ExtractedClaim statement = before.stream().filter(c -> c.type() == ClaimType.STATEMENT).findFirst().orElseThrow();
        List<Reconciler.Kept> kept = List.of(
                new Reconciler.Kept(1, quote.type(), quote.text(), quote.start(), quote.end()),
                new Reconciler.Kept(2, statement.type(), statement.text(), statement.start(), statement.end()));

        String edited = "On Monday, " + OLD.replace("$3 million", "$4 million");
        Reconciler.Result result = Reconciler.reconcile(kept, OLD.length(), edited, ClaimExtractor.extract(edited));

        assertThat(result.moved()).hasSize(2);
        Reconciler.Moved movedQuote = result.moved().get(0);
        assertThat(movedQuote.id()).isEqualTo(1);
        assertThat(edited.substring(movedQuote.start(), movedQuote.end())).isEqualTo(quote.text());
        assertThat(result.moved().get(1).missing()).isTrue();
        assertThat(result.added()).extracting(ExtractedClaim::type).contains(ClaimType.STATEMENT)
                .doesNotContain(ClaimType.DIRECT_QUOTE);
    }

    @Test
    void repeatedTextMapsToTheNearestOccurrence() {
        String body = "“Yes.” said A. Filler text here. “Yes.” said B.";
        int second = body.lastIndexOf("Yes.");
        List<Reconciler.Kept> kept = List.of(new Reconciler.Kept(7, ClaimType.DIRECT_QUOTE, "Yes.", second, second + 4));
        String edited = "Intro. " + body;
        Reconciler.Result result = Reconciler.reconcile(kept, body.length(), edited, List.of());
        assertThat(result.moved().get(0).start()).isEqualTo(edited.lastIndexOf("Yes."));
    }

    @Test
    void aQuoteStoredWithItsTrailingCommaIsNotFoundAgainAsANewClaim() {
        String body = "“We will appeal,” Dana Whitfield said. The ruling came on Monday.";
        int start = body.indexOf("We will");
        String stored = "We will appeal,";
        List<Reconciler.Kept> kept = List.of(new Reconciler.Kept(3, ClaimType.DIRECT_QUOTE, stored, start, start + stored.length()));
        List<ExtractedClaim> extracted = ClaimExtractor.extract(body);
        assertThat(extracted).anyMatch(c -> c.text().equals("We will appeal"));

        Reconciler.Result result = Reconciler.reconcile(kept, body.length(), body, extracted);

        assertThat(result.moved()).singleElement().satisfies(m -> assertThat(m.start()).isEqualTo(start));
        assertThat(result.added()).noneMatch(c -> c.type() == ClaimType.DIRECT_QUOTE);
    }
}

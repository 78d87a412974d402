package org.quotecheck.article;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.quotecheck.claim.ClaimView;

/** An article as the API returns it, with its claims in text order. */
public record ArticleView(Long id, String title, String outlet, String url, LocalDate publishedAt, String body,
                          String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version,
                          List<ClaimView> claims, String updatedBy) {

    /**
     * For an article in a script without speaker rules yet (Hebrew, Arabic, ...): says that its quotes were found but
     * their speakers were not resolved, rather than leaving empty speakers unexplained. Null otherwise.
     */
    public String speakersNote() {
        org.quotecheck.claim.extraction.Script script = org.quotecheck.claim.extraction.Script.of(body == null ? "" : body);
        return script.speakersResolved() ? null : "Quotecheck does not resolve speakers in " + script.label()
                + " text yet: its quotes are found, but each speaker must be set by hand.";
    }

    /** Claims that count towards progress: all but the dismissed. */
    public long checkableCount() {
        return claims.stream().filter(c -> !c.isDismissed()).count();
    }

    public long approvedCount() {
        return claims.stream().filter(c -> c.state() == org.quotecheck.claim.Claim.State.APPROVED).count();
    }

    public long inReviewCount() {
        return claims.stream().filter(c -> c.state() == org.quotecheck.claim.Claim.State.IN_REVIEW).count();
    }

    static ArticleView of(Article article, List<ClaimView> claims) {
        return new ArticleView(article.id, article.title, article.outlet, article.url, article.publishedAt, article.body,
                article.createdBy.username, article.createdAt, article.updatedAt, article.version, claims,
                article.updatedBy == null ? article.createdBy.username : article.updatedBy.username);
    }
}

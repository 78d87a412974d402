package org.quotecheck.library;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.quotecheck.claim.Claim;

import java.util.List;
import java.util.Map;

/** What the article and claim pages show from the library: suggestions, the search's progress, earlier verdicts. */
@ApplicationScoped
public class LibraryPanels {

    @Inject
    SuggestionStore suggestions;

    @Inject
    RelatedClaims related;

    /** An article's claims in the library. */
    public record ArticleLibrary(SuggestionStore.Progress progress, Map<Long, SuggestionStore.ClaimSuggestions> suggestions,
                                 Map<Long, List<RelatedClaims.Related>> related) {

        public SuggestionStore.ClaimSuggestions of(Long claimId) {
            return suggestions.get(claimId);
        }

        /** One line per other article (its best match): the article page stays short however often a claim recurs. */
        public List<RelatedClaims.Related> relatedTo(Long claimId) {
            java.util.Set<Long> articles = new java.util.HashSet<>();
            return related.getOrDefault(claimId, List.of()).stream().filter(r -> articles.add(r.claim().articleId())).toList();
        }
    }

    /** One claim in the library. */
    public record ClaimLibrary(SuggestionStore.ClaimSuggestions suggestions, List<RelatedClaims.Related> related) {
    }

    @Transactional
    public ArticleLibrary article(long articleId, List<Long> shownClaims) {
        return new ArticleLibrary(suggestions.progress(articleId), suggestions.ofClaims(shownClaims), related.ofArticle(articleId));
    }

    /** Progress and suggestions only (the page's progress fragment, polled while the search runs). */
    @Transactional
    public ArticleLibrary progress(long articleId, List<Long> shownClaims) {
        return new ArticleLibrary(suggestions.progress(articleId), suggestions.ofClaims(shownClaims), Map.of());
    }

    @Transactional
    public ClaimLibrary claim(long claimId) {
        return new ClaimLibrary(suggestions.ofClaim(claimId), related.of(claimId));
    }
}

package org.quotecheck.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.quotecheck.article.ArticleService;
import org.quotecheck.review.ClaimTransitioned;
import org.quotecheck.source.SourceCorrected;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns what happens in the newsroom into webhook events, inside the transaction of the change (synchronous
 * observers): a review step of a claim, an article whose every claim is decided, a corrected source.
 */
@ApplicationScoped
public class WebhookEvents {

    @Inject
    WebhookService webhooks;

    @Inject
    EntityManager entityManager;

    @Inject
    ArticleService articles;

    @Inject
    ObjectMapper json;

    void claimTransitioned(@Observes ClaimTransitioned step) {
        String type = switch (step.action()) {
            case "SUBMIT" -> "claim.submitted";
            case "APPROVE" -> "claim.approved";
            case "RETURN" -> "claim.returned";
            case "REOPEN" -> "claim.reopened";
            default -> null;
        };
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("claim", step.claim());
        data.put("from", step.from());
        data.put("to", step.to());
        data.put("actor", step.actor());
        if (type != null && webhooks.wanted(type)) {
            webhooks.enqueue(type, "claim:" + step.claim().id(), data);
        }
        // Only when someone listens: counting open claims locks the article, and its view loads every claim.
        boolean decided = step.to().equals("APPROVED") || step.to().equals("DISMISSED");
        if (decided && webhooks.wanted("article.checked") && openClaims(step.claim().articleId()) == 0) {
            // The article as GET /api/articles/{id} shows it, without its body (fetch it there if needed).
            ObjectNode article = json.valueToTree(articles.find(step.claim().articleId()));
            article.remove("body");
            webhooks.enqueue("article.checked", "article:" + step.claim().articleId(), Map.of("article", article));
        }
    }

    void sourceCorrected(@Observes SourceCorrected correction) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", correction.source());
        data.put("previousVersion", correction.previousVersion());
        data.put("actor", correction.actor());
        if (webhooks.wanted("source.corrected")) {
            webhooks.enqueue("source.corrected", "source:" + correction.source().id(), data);
        }
    }

    /**
     * Open claims of the article, counted under a lock on the article: when its last two claims are decided at the
     * same moment, the second transaction waits and sees the first one's decision, so the event is not lost.
     */
    private long openClaims(long articleId) {
        entityManager.createNativeQuery("SELECT id FROM article WHERE id = ?1 FOR UPDATE").setParameter(1, articleId).getResultList();
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM claim WHERE article_id = ?1"
                + " AND state NOT IN ('APPROVED', 'DISMISSED')").setParameter(1, articleId).getSingleResult()).longValue();
    }
}

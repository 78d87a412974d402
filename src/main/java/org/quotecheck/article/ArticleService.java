package org.quotecheck.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.quotecheck.claim.ClaimService;
import org.quotecheck.user.User;
import org.quotecheck.web.ConflictException;
import org.quotecheck.web.NotFoundProblem;
import org.quotecheck.web.PageResult;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** Stores, finds, changes and deletes articles. Each write is one transaction: all of it lands or none. */
@ApplicationScoped
public class ArticleService {

    @Inject
    EntityManager entityManager;

    @Inject
    ClaimService claims;

    @Transactional
    public ArticleView create(ArticleInput input, String username) {
        ArticleInput.Valid valid = input.validate();
        User author = User.findByUsername(username)
                .orElseThrow(() -> new IllegalStateException("signed-in user " + username + " has no account row"));
        Article article = new Article();
        article.apply(valid);
        article.createdBy = author;
        article.updatedBy = author;
        article.createdAt = OffsetDateTime.now();
        article.updatedAt = article.createdAt;
        article.persist();
        claims.extractNew(article.id, article.body);
        return view(article);
    }

    @Transactional
    public ArticleView update(long id, long expectedVersion, ArticleInput input, String username) {
        ArticleInput.Valid valid = input.validate();
        Article article = load(id);
        if (article.version != expectedVersion) {
            throw new StaleArticleException(view(article));
        }
        String oldBody = article.body;
        article.apply(valid);
        article.updatedAt = OffsetDateTime.now();
        article.updatedBy = User.findByUsername(username).orElseThrow();
        entityManager.flush();
        if (!oldBody.equals(article.body)) {
            claims.reextract(article.id, article.body, oldBody.length());
        }
        return view(article);
    }

    @Inject
    org.quotecheck.audit.AuditLog audit;

    /** What deleting an article loses: its claims, their approved verdicts and their evidence (the audit trail stays). */
    public record DeleteImpact(long claims, long approved, long inReview, long evidence) {
    }

    @Transactional
    public DeleteImpact deleteImpact(long id) {
        load(id);
        Object[] counts = entityManager.createQuery("select count(c), sum(case when c.state = :approved then 1 else 0 end),"
                        + " sum(case when c.state = :review then 1 else 0 end) from Claim c where c.articleId = :id", Object[].class)
                .setParameter("approved", org.quotecheck.claim.Claim.State.APPROVED)
                .setParameter("review", org.quotecheck.claim.Claim.State.IN_REVIEW).setParameter("id", id).getSingleResult();
        long evidence = entityManager.createQuery("select count(e) from Evidence e where e.claimId in"
                + " (select c.id from Claim c where c.articleId = :id)", Long.class).setParameter("id", id).getSingleResult();
        return new DeleteImpact(((Number) counts[0]).longValue(), counts[1] == null ? 0 : ((Number) counts[1]).longValue(),
                counts[2] == null ? 0 : ((Number) counts[2]).longValue(), evidence);
    }

    /** Deletes an article and its claims; the audit trail keeps what was deleted, by whom (in the same transaction). */
    @Transactional
    public void delete(long id, String actor) {
        Article article = load(id);
        Object[] counts = entityManager.createQuery("select count(c), sum(case when c.state = :approved then 1 else 0 end)"
                        + " from Claim c where c.articleId = :id", Object[].class)
                .setParameter("approved", org.quotecheck.claim.Claim.State.APPROVED).setParameter("id", id).getSingleResult();
        audit.record(org.quotecheck.audit.AuditLog.Kind.ARTICLE_DELETED, User.findByUsername(actor).orElseThrow().id, id, null,
                article.title, java.util.Map.of("title", article.title, "outlet", article.outlet == null ? "" : article.outlet,
                        "claims", ((Number) counts[0]).longValue(),
                        "approvedClaims", counts[1] == null ? 0L : ((Number) counts[1]).longValue(),
                        "createdBy", article.createdBy.username));
        entityManager.remove(article);
    }

    @Transactional
    public ArticleView find(long id) {
        return view(load(id));
    }

    private ArticleView view(Article article) {
        return ArticleView.of(article, claims.ofArticle(article.id));
    }

    /**
     * Newest first; {@code query} matches title or outlet, case-insensitively, anywhere in the text. Reads a
     * projection, never the bodies.
     */
    @Transactional
    public PageResult<ArticleSummary> search(String query, int page, int size) {
        String where = "";
        String pattern = null;
        if (query != null && !query.isBlank()) {
            where = " where lower(a.title) like :pattern escape '\\' or lower(coalesce(a.outlet, '')) like :pattern escape '\\'";
            pattern = "%" + escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%";
        }
        var count = entityManager.createQuery("select count(a) from Article a" + where, Long.class);
        var rows = entityManager.createQuery("select new org.quotecheck.article.ArticleSummary(a.id, a.title, a.outlet,"
                + " a.url, a.publishedAt, u.username, a.createdAt, length(a.body)) from Article a join a.createdBy u"
                + where + " order by a.createdAt desc, a.id desc", ArticleSummary.class);
        if (pattern != null) {
            count.setParameter("pattern", pattern);
            rows.setParameter("pattern", pattern);
        }
        List<ArticleSummary> items = rows.setFirstResult(PageResult.offset(page, size)).setMaxResults(size).getResultList();
        return new PageResult<>(items, page, size, count.getSingleResult());
    }

    private static Article load(long id) {
        return Article.<Article>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundProblem("There is no article " + id + "; it may have been deleted."));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** An edit based on an older version than the stored one; carries the current article to show the user. */
    public static class StaleArticleException extends ConflictException {
        private final transient ArticleView current;

        StaleArticleException(ArticleView current) {
            super("Someone else saved this article (version " + current.version() + ") after you opened it.");
            this.current = current;
        }

        public ArticleView current() {
            return current;
        }
    }
}

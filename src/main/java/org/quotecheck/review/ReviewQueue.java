package org.quotecheck.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quotecheck.database.InList;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.quotecheck.claim.Claim;
import org.quotecheck.claim.ClaimView;
import org.quotecheck.source.CheckService;
import org.quotecheck.source.EvidenceView;
import org.quotecheck.web.InvalidInputException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Claims waiting for a reviewer, oldest submission first. Keyset pagination on (submitted_at, id) over a partial
 * index, so a later page costs the same as the first even with 100,000 claims waiting.
 */
@ApplicationScoped
public class ReviewQueue {

    @Inject
    EntityManager entityManager;

    @Inject
    CheckService checks;

    public record Filter(Long articleId, String editor, String rating, String type) {
        public static final Filter NONE = new Filter(null, null, null, null);

        boolean isEmpty() {
            return articleId == null && blank(editor) && blank(rating) && blank(type);
        }
    }

    /** A row of the queue: the claim, its article, its latest evidence, and how long it has waited. */
    public record Row(ClaimView claim, String articleTitle, EvidenceView evidence, String waiting, boolean sourceCorrected) {
        /** Whether this user submitted the claim: it is theirs, and a second person reviews it. */
        public boolean submittedBy(String username) {
            return username != null && username.equals(claim.submittedBy());
        }

        /** A rating the evidence does not support, which the editor confirmed: the reviewer is warned. */
        public String ratingWarning() {
            return org.quotecheck.review.workflow.ReviewWorkflow.reviewerWarning(claim.rating(),
                    evidence == null ? null : evidence.classification());
        }
    }

    public record Page(List<Row> items, String next, long total) {
    }

    /** The query's condition for a filter, its parameters added to {@code parameters}. */
    private static StringBuilder where(Filter filter, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder("c.state = :state");
        parameters.put("state", Claim.State.IN_REVIEW);
        if (filter.articleId() != null) {
            where.append(" and c.articleId = :article");
            parameters.put("article", filter.articleId());
        }
        if (!blank(filter.editor())) {
            where.append(" and c.submittedBy.username = :editor");
            parameters.put("editor", filter.editor().strip().toLowerCase());
        }
        if (!blank(filter.rating())) {
            where.append(" and c.rating = :rating");
            parameters.put("rating", filter.rating().strip().toUpperCase());
        }
        if (!blank(filter.type())) {
            where.append(" and c.type = :type");
            try {
                parameters.put("type", org.quotecheck.claim.extraction.ClaimType.valueOf(filter.type().strip().toUpperCase()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("type", "Unknown claim type.");
            }
        }
        return where;
    }

    @Transactional
    public Page page(Filter filter, String after, int size) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = where(filter, parameters);
        var count = entityManager.createQuery("select count(c) from Claim c where " + where, Long.class);
        parameters.forEach(count::setParameter);
        long total = counts.get("queue:" + filter, count::getSingleResult);

        StringBuilder keyset = new StringBuilder(where);
        if (after != null && !after.isBlank()) {
            Cursor cursor = Cursor.parse(after);
            // A row comparison, so that PostgreSQL seeks in the (submitted_at, id) index instead of filtering.
            keyset.append(" and (c.submittedAt, c.id) > (:at, :id)");
            parameters.put("at", cursor.at());
            parameters.put("id", cursor.id());
        }
        var query = entityManager.createQuery("select c from Claim c left join fetch c.submittedBy left join fetch c.assignee left join fetch c.decidedBy where " + keyset
                + " order by c.submittedAt, c.id", Claim.class);
        parameters.forEach(query::setParameter);
        // Only shown: loaded read-only, so no snapshots are kept to compare at commit (JSON columns are deep-copied
        // for that).
        List<Claim> claims = query.setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).setMaxResults(size + 1)
                .getResultList();
        boolean more = claims.size() > size;
        List<Claim> shown = more ? claims.subList(0, size) : claims;
        Map<Long, List<EvidenceView>> evidence = checks.ofClaims(shown.stream().map(c -> c.id).toList());
        Map<Long, String> titles = titles(shown);
        OffsetDateTime now = OffsetDateTime.now();
        List<Row> rows = shown.stream().map(c -> {
            List<EvidenceView> found = evidence.getOrDefault(c.id, List.of());
            return new Row(ClaimView.of(c, c.articleId), titles.get(c.articleId),
                    found.isEmpty() ? null : found.get(found.size() - 1), ReviewQueueAge.of(c.submittedAt, now),
                    found.stream().anyMatch(EvidenceView::needsRecheck));
        }).toList();
        String next = more ? new Cursor(shown.get(shown.size() - 1).submittedAt, shown.get(shown.size() - 1).id).toString() : null;
        return new Page(rows, next, total);
    }

    /** How many claims a filter selects in the queue: the "(N waiting)" of the page. */
    @Transactional
    public long count(Filter filter) {
        Map<String, Object> parameters = new HashMap<>();
        var count = entityManager.createQuery("select count(c) from Claim c where " + where(filter, parameters), Long.class);
        parameters.forEach(count::setParameter);
        return counts.get("queue:" + filter, count::getSingleResult);
    }

    @Inject
    org.quotecheck.web.FreshCounts counts;

    /** Claims returned to this editor and not yet taken again (the "My work" badge), fresh within seconds. */
    @Transactional
    public long returnedTo(String username) {
        return counts.get("returned:" + username, () -> entityManager.createQuery("select count(c) from Claim c where c.state = :state and c.assignee.username = :me", Long.class)
                .setParameter("state", Claim.State.RETURNED).setParameter("me", username).getSingleResult());
    }

    /** The count for the navigation badge. */
    @Transactional
    public long waiting() {
        return counts.get("waiting", () -> entityManager.createQuery("select count(c) from Claim c where c.state = :state", Long.class)
                .setParameter("state", Claim.State.IN_REVIEW).getSingleResult());
    }

    private Map<Long, String> titles(List<Claim> claims) {
        if (claims.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> titles = new HashMap<>();
        InList.collect(claims.stream().map(c -> c.articleId).toList(), chunk -> InList.bind(entityManager.createQuery(
                        "select a.id, a.title from Article a where a.id in " + InList.parameters("a"), Object[].class), "a", chunk)
                        .getResultList())
                .forEach(row -> titles.put((Long) row[0], (String) row[1]));
        return titles;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The last row of a page: its submission time (to the microsecond) and id. */
    record Cursor(OffsetDateTime at, long id) {
        private static final long EARLIEST_MICROS = 946_684_800_000_000L; // 2000-01-01
        private static final long LATEST_MICROS = 32_503_680_000_000_000L; // 3000-01-01

        static Cursor parse(String text) {
            try {
                String[] parts = text.split("_", -1);
                long micros = Long.parseLong(parts[0]);
                long id = Long.parseLong(parts[1]);
                // A submission time PostgreSQL can store and this product can have made: between 2000 and 3000.
                if (parts.length != 2 || id < 1 || micros < EARLIEST_MICROS || micros > LATEST_MICROS) {
                    throw new IllegalArgumentException("cursor out of range");
                }
                Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
                return new Cursor(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC), id);
            } catch (RuntimeException e) {
                throw new InvalidInputException("after", "This page link is not valid; start from the first page.");
            }
        }

        @Override
        public String toString() {
            Instant instant = at.toInstant();
            return (instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000) + "_" + id;
        }
    }
}

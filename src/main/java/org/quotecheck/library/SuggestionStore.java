package org.quotecheck.library;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.quotecheck.claim.ClaimsChanged;
import org.quotecheck.claim.extraction.ClaimType;
import org.quotecheck.jobs.JobQueue;
import org.quotecheck.library.ranking.Wording;
import org.quotecheck.library.vectors.QuantizedVector;
import org.quotecheck.semantic.PassageJob;
import org.quotecheck.source.SourceVersion;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which claims are to be looked for in the library, and what was found. A request marks a claim PENDING and bumps
 * its generation, in the transaction of the change that asked for it, and queues its article's job; the job's answer
 * is stored only if the generation is still the one it read. So an answer is never lost to a restart, never written
 * twice, and never overwrites a newer request.
 */
@ApplicationScoped
public class SuggestionStore {

    @Inject
    EntityManager entityManager;

    @Inject
    JobQueue jobs;

    /** A claim waiting for its search. */
    public record Pending(long claimId, long generation, String text, ClaimType type) {
    }

    /** Claims were added to an article or changed: those whose wording, type or speaker changed are searched again. */
    @Transactional(Transactional.TxType.MANDATORY)
    void claimsChanged(@Observes ClaimsChanged changed) {
        // One statement for the whole article: a statement per claim made Hibernate flush the session before each,
        // which grew with the square of the claims (a 388 KB article took 31 s to save). The hash is the same as
        // Wording.sha256 of "type\nspeaker\ntext" (hex SHA-256 of the UTF-8 bytes).
        int requested = entityManager.createNativeQuery("""
                        INSERT INTO claim_search (claim_id, state, text_hash)
                        SELECT id, 'PENDING', encode(sha256(convert_to(type || E'\\n' || coalesce(speaker, '') || E'\\n' || text, 'UTF8')), 'hex')
                        FROM claim WHERE article_id = ?1
                        ON CONFLICT (claim_id) DO UPDATE SET state = 'PENDING', generation = claim_search.generation + 1,
                            text_hash = EXCLUDED.text_hash
                        WHERE claim_search.text_hash <> EXCLUDED.text_hash""")
                .setParameter(1, changed.articleId()).executeUpdate();
        if (requested > 0) {
            jobs.enqueue(SuggestionJob.KIND, changed.articleId());
        }
    }

    /**
     * A source version became searchable: claims still open (NEW or IN_PROGRESS) that have no suggestion are searched
     * again. Claims being searched right now are bumped too, so that an answer found without the new source is not
     * the last word.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void sourceReady(@Observes PassageJob.PassagesReady ready) {
        @SuppressWarnings("unchecked")
        List<Number> articles = entityManager.createNativeQuery("UPDATE claim_search cs SET state = 'PENDING',"
                + " generation = cs.generation + 1 FROM claim c WHERE c.id = cs.claim_id AND c.state IN ('NEW', 'IN_PROGRESS')"
                + " AND (NOT EXISTS (SELECT 1 FROM claim_suggestion s WHERE s.claim_id = cs.claim_id)"
                // A corrected source: claims whose suggestions came from an earlier version of it are looked for again.
                + "  OR EXISTS (SELECT 1 FROM claim_suggestion s JOIN source_version old ON old.id = s.source_version_id"
                + "   JOIN source_version now ON now.source_id = old.source_id AND now.id = ?1 WHERE s.claim_id = cs.claim_id"
                + "   AND old.id <> now.id)) RETURNING c.article_id")
                .setParameter(1, ready.versionId()).getResultList();
        Set<Long> distinct = new LinkedHashSet<>();
        articles.forEach(a -> distinct.add(a.longValue()));
        for (Long article : distinct) {
            jobs.enqueue(SuggestionJob.KIND, article);
        }
    }

    /** The next claims of an article waiting for their search, at most {@code limit}, in text order. */
    @Transactional
    public List<Pending> pending(long articleId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT c.id, cs.generation, c.text, c.type FROM claim c"
                + " JOIN claim_search cs ON cs.claim_id = c.id WHERE c.article_id = ?1 AND cs.state = 'PENDING'"
                + " ORDER BY c.start_offset, c.id LIMIT ?2")
                .setParameter(1, articleId).setParameter(2, limit).getResultList();
        List<Pending> pending = new ArrayList<>();
        for (Object[] r : rows) {
            pending.add(new Pending(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                    ClaimType.valueOf((String) r[3])));
        }
        return pending;
    }

    /** How many claims of an article wait for their search. */
    @Transactional
    public int pendingCount(long articleId) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM claim c JOIN claim_search cs ON cs.claim_id = c.id"
                + " WHERE c.article_id = ?1 AND cs.state = 'PENDING'").setParameter(1, articleId).getSingleResult()).intValue();
    }

    /**
     * Stores what the search found for a claim, and its vector, unless the claim was asked for again (or deleted)
     * meanwhile; false then, and nothing is written.
     */
    @Transactional
    public boolean save(Pending claim, List<LibraryService.Found> found, float[] vector) {
        // Locks in the order a deletion takes them (article, claim, then the claim's search row by cascade): the
        // claim first, as the suggestions' foreign key would lock it anyway. The other way round, a deleted article
        // and its job each held what the other waited for, and the deletion died of a deadlock (a 500).
        if (entityManager.createNativeQuery("SELECT 1 FROM claim WHERE id = ?1 FOR KEY SHARE")
                .setParameter(1, claim.claimId()).getResultList().isEmpty()) {
            return false;
        }
        @SuppressWarnings("unchecked")
        List<Number> generation = entityManager.createNativeQuery("SELECT generation FROM claim_search WHERE claim_id = ?1 FOR UPDATE")
                .setParameter(1, claim.claimId()).getResultList();
        if (generation.isEmpty() || generation.get(0).longValue() != claim.generation()) {
            return false;
        }
        entityManager.createQuery("delete from ClaimSuggestion s where s.claimId = :claim").setParameter("claim", claim.claimId())
                .executeUpdate();
        OffsetDateTime now = OffsetDateTime.now();
        int rank = 0;
        for (LibraryService.Found f : found) {
            ClaimSuggestion s = new ClaimSuggestion();
            s.claimId = claim.claimId();
            s.rank = rank++;
            s.sourceId = f.sourceId();
            s.sourceVersion = entityManager.getReference(SourceVersion.class, f.sourceVersionId());
            s.classification = f.result().classification().name();
            s.score = f.result().score();
            s.result = f.result();
            s.createdAt = now;
            s.persist();
        }
        entityManager.createNativeQuery("INSERT INTO claim_vector (claim_id, words_hash, embedding) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (claim_id) DO UPDATE SET words_hash = EXCLUDED.words_hash, embedding = EXCLUDED.embedding,"
                        + " updated_at = now()")
                .setParameter(1, claim.claimId()).setParameter(2, Wording.key(claim.text()))
                .setParameter(3, vector == null ? null : QuantizedVector.encode(vector)).executeUpdate();
        entityManager.createNativeQuery("UPDATE claim_search SET state = 'DONE', searched_at = now() WHERE claim_id = ?1")
                .setParameter(1, claim.claimId()).executeUpdate();
        return true;
    }

    /** How far an article's search is: claims in all, claims still waiting. */
    public record Progress(int claims, int pending, JobQueue.Status job) {
        public boolean working() {
            return pending > 0 && (job == null || job.state() != JobQueue.State.FAILED);
        }

        public boolean failed() {
            return pending > 0 && job != null && job.state() == JobQueue.State.FAILED;
        }

        public int done() {
            return claims - pending;
        }
    }

    @Transactional
    public Progress progress(long articleId) {
        Object[] row = (Object[]) entityManager.createNativeQuery("SELECT count(*), count(*) FILTER (WHERE cs.state = 'PENDING')"
                + " FROM claim c LEFT JOIN claim_search cs ON cs.claim_id = c.id WHERE c.article_id = ?1")
                .setParameter(1, articleId).getSingleResult();
        return new Progress(((Number) row[0]).intValue(), ((Number) row[1]).intValue(),
                jobs.status(SuggestionJob.KIND, articleId).orElse(null));
    }

    /** A claim's search: PENDING or DONE (null when never asked for), and what it found, best first. */
    public record ClaimSuggestions(String state, OffsetDateTime searchedAt, List<LibraryService.Found> results,
                                   Set<Long> usedVersions) {
        public boolean pending() {
            return !"DONE".equals(state);
        }

        /** Never asked for (claims made before suggestions existed, until their article's job ran). */
        public boolean unknown() {
            return state == null;
        }

        /** Whether the claim already has evidence on the version this suggestion checked. */
        public boolean used(LibraryService.Found found) {
            return usedVersions.contains(found.sourceVersionId());
        }

        public LibraryService.Found first() {
            return results.isEmpty() ? null : results.get(0);
        }

        /**
         * The best contradiction when the first result is not one: an editor sees "verbatim in: X" and, beside it,
         * "contradicted by: Y, 30 vs 20 minutes", never only the support.
         */
        public LibraryService.Found contradiction() {
            if (results.isEmpty() || results.get(0).contradicts()) {
                return null;
            }
            return results.stream().filter(LibraryService.Found::contradicts).findFirst().orElse(null);
        }
    }

    @Transactional
    public ClaimSuggestions ofClaim(long claimId) {
        return ofClaims(List.of(claimId)).get(claimId);
    }

    /** The suggestions of several claims at once (the article page). */
    @Transactional
    public java.util.Map<Long, ClaimSuggestions> ofClaims(List<Long> claimIds) {
        java.util.Map<Long, ClaimSuggestions> all = new java.util.HashMap<>();
        if (claimIds.isEmpty()) {
            return all;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> searches = entityManager.createNativeQuery("SELECT claim_id, state, searched_at FROM claim_search WHERE claim_id IN (:ids)")
                .setParameter("ids", claimIds).getResultList();
        java.util.Map<Long, List<LibraryService.Found>> found = new java.util.HashMap<>();
        Set<Long> quotes = new java.util.HashSet<>();
        entityManager.createQuery("select c.id, c.type from Claim c where c.id in :ids", Object[].class).setParameter("ids", claimIds)
                .getResultList().forEach(r -> {
                    if (((org.quotecheck.claim.extraction.ClaimType) r[1]).isVerbatim()) {
                        quotes.add((Long) r[0]);
                    }
                });
        List<ClaimSuggestion> stored = entityManager.createQuery("from ClaimSuggestion s join fetch s.sourceVersion v join fetch v.source"
                + " where s.claimId in :ids order by s.claimId, s.rank", ClaimSuggestion.class).setParameter("ids", claimIds).getResultList();
        for (ClaimSuggestion s : stored) {
            var version = s.sourceVersion;
            var source = version.source;
            found.computeIfAbsent(s.claimId, k -> new ArrayList<>()).add(new LibraryService.Found(source.id, version.id,
                    version.number, source.title, source.type,
                    source.retrievedOn != null ? source.retrievedOn : source.createdAt.toLocalDate(), s.result, null,
                    org.quotecheck.library.ranking.Findings.summary(s.result, source.title, quotes.contains(s.claimId)),
                    quotes.contains(s.claimId)));
        }
        java.util.Map<Long, Set<Long>> used = new java.util.HashMap<>();
        entityManager.createQuery("select e.claimId, e.sourceVersion.id from Evidence e where e.claimId in :ids", Object[].class)
                .setParameter("ids", claimIds).getResultList()
                .forEach(r -> used.computeIfAbsent((Long) r[0], k -> new java.util.HashSet<>()).add((Long) r[1]));
        for (Long id : claimIds) {
            all.put(id, new ClaimSuggestions(null, null, found.getOrDefault(id, List.of()), used.getOrDefault(id, Set.of())));
        }
        for (Object[] r : searches) {
            long id = ((Number) r[0]).longValue();
            OffsetDateTime at = time(r[2]);
            all.put(id, new ClaimSuggestions((String) r[1], at, found.getOrDefault(id, List.of()), used.getOrDefault(id, Set.of())));
        }
        return all;
    }

    private static OffsetDateTime time(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        java.time.Instant instant = value instanceof java.sql.Timestamp t ? t.toInstant() : (java.time.Instant) value;
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }
}

package org.quotecheck.library;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.quotecheck.claim.Claim;
import org.quotecheck.claim.ClaimView;
import org.quotecheck.library.ranking.SameClaim;
import org.quotecheck.library.ranking.Wording;
import org.quotecheck.library.vectors.QuantizedVector;
import org.quotecheck.library.vectors.VectorIndex;
import org.quotecheck.web.NotFoundProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Claims in other articles that say the same as a claim, with their verdicts: candidates with the same words (by
 * hash) or close in meaning (by vector), each confirmed by {@link SameClaim}. Information for the editor only:
 * nothing here changes a claim.
 */
@ApplicationScoped
public class RelatedClaims {

    /** Below this cosine two claims are not worth comparing. */
    static final double MIN_COSINE = 0.7;
    static final int CANDIDATES = 20;
    static final int LIMIT = 5;

    @Inject
    EntityManager entityManager;

    @Inject
    ClaimIndex index;

    @Inject
    LibraryService library;

    /** A claim of another article that says the same thing. */
    public record Related(ClaimView claim, String articleTitle, double similarity, boolean sameWords) {
        public boolean checkedBefore() {
            return claim.state() == Claim.State.APPROVED;
        }

        public String stateLabel() {
            String s = claim.state().name().replace('_', ' ').toLowerCase();
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }

    /** One claim's related claims; a claim not embedded yet is embedded now. */
    @Transactional
    public List<Related> of(long claimId) {
        Claim claim = Claim.<Claim>findByIdOptional(claimId).orElseThrow(() -> new NotFoundProblem("There is no claim " + claimId + "."));
        return ofClaims(List.of(claim), true).getOrDefault(claimId, List.of());
    }

    /**
     * For each claim of an article, those related to it (claims without any are left out). Claims the background
     * search has not embedded yet are matched by their words only, so that the page never waits for the model.
     */
    @Transactional
    public Map<Long, List<Related>> ofArticle(long articleId) {
        return ofClaims(Claim.ofArticle(articleId), false);
    }

    /** In a fixed number of queries however many claims there are: vectors, same words, candidates, their details. */
    private Map<Long, List<Related>> ofClaims(List<Claim> claims, boolean embedMissing) {
        Map<Long, List<Related>> related = new HashMap<>();
        if (claims.isEmpty()) {
            return related;
        }
        Map<Long, float[]> vectors = vectors(claims.stream().map(c -> c.id).toList());
        Map<String, List<Long>> byWords = sameWords(claims.stream().map(c -> Wording.key(c.text)).distinct().toList());
        Map<Long, Map<Long, Double>> candidates = new HashMap<>();
        for (Claim claim : claims) {
            float[] vector = vectors.get(claim.id);
            if (embedMissing && vector == null && !vectors.containsKey(claim.id)) {
                vector = library.embed(claim.text).orElse(null);
                vectors.put(claim.id, vector);
            }
            Map<Long, Double> mine = new LinkedHashMap<>();
            byWords.getOrDefault(Wording.key(claim.text), List.of()).stream().filter(id -> !id.equals(claim.id))
                    .limit(CANDIDATES).forEach(id -> mine.put(id, 1.0));
            if (vector != null) {
                for (VectorIndex.Hit hit : index.nearest(vector, CANDIDATES)) {
                    if (hit.score() >= MIN_COSINE && hit.id() != claim.id) {
                        mine.putIfAbsent(hit.id(), (double) Math.min(1f, hit.score()));
                    }
                }
            }
            if (!mine.isEmpty()) {
                candidates.put(claim.id, mine);
            }
        }
        if (candidates.isEmpty()) {
            return related;
        }
        Map<Long, Claim> others = new HashMap<>();
        entityManager.createQuery("from Claim c left join fetch c.assignee left join fetch c.submittedBy left join fetch c.decidedBy"
                        + " where c.id in :ids and c.state <> :dismissed", Claim.class)
                .setParameter("ids", candidates.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList())
                .setParameter("dismissed", Claim.State.DISMISSED).getResultList().forEach(c -> others.put(c.id, c));
        Map<Long, float[]> otherVectors = vectors(List.copyOf(others.keySet()));
        Map<Long, String> titles = titles(others.values().stream().map(o -> o.articleId).distinct().toList());
        for (Claim claim : claims) {
            Map<Long, Double> mine = candidates.get(claim.id);
            if (mine == null) {
                continue;
            }
            SameClaim.Side side = new SameClaim.Side(claim.text, claim.type.isVerbatim(), claim.speaker, vectors.get(claim.id));
            List<Related> found = new ArrayList<>();
            for (Map.Entry<Long, Double> candidate : mine.entrySet()) {
                Claim other = others.get(candidate.getKey());
                if (other == null || other.articleId.equals(claim.articleId)) {
                    continue; // gone, dismissed, or in the same article
                }
                if (SameClaim.same(side, new SameClaim.Side(other.text, other.type.isVerbatim(), other.speaker, otherVectors.get(other.id)))) {
                    found.add(new Related(ClaimView.of(other, other.articleId), titles.get(other.articleId), candidate.getValue(),
                            candidate.getValue() >= 1.0));
                }
            }
            found.sort(Comparator.comparing((Related r) -> !r.checkedBefore())
                    .thenComparing(r -> r.claim().decidedAt(), Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(Comparator.comparingDouble(Related::similarity).reversed()));
            if (!found.isEmpty()) {
                related.put(claim.id, found.size() > LIMIT ? List.copyOf(found.subList(0, LIMIT)) : found);
            }
        }
        return related;
    }

    /** Claims (any article) by the key of their words, the newest few of each (a greeting may be in every article). */
    private Map<String, List<Long>> sameWords(List<String> keys) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT words_hash, claim_id FROM (SELECT words_hash, claim_id,"
                        + " row_number() OVER (PARTITION BY words_hash ORDER BY claim_id DESC) AS n FROM claim_vector"
                        + " WHERE words_hash IN (:keys)) x WHERE n <= :most ORDER BY claim_id")
                .setParameter("keys", keys).setParameter("most", CANDIDATES + 1).getResultList();
        Map<String, List<Long>> found = new HashMap<>();
        rows.forEach(r -> found.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(((Number) r[1]).longValue()));
        return found;
    }

    /** Stored vectors by claim (a claim searched without a model maps to null; one never searched is absent). */
    private Map<Long, float[]> vectors(List<Long> claimIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT claim_id, embedding FROM claim_vector WHERE claim_id IN (:ids)")
                .setParameter("ids", claimIds).getResultList();
        Map<Long, float[]> vectors = new HashMap<>();
        for (Object[] r : rows) {
            vectors.put(((Number) r[0]).longValue(), r[1] == null ? null : QuantizedVector.decode((byte[]) r[1]));
        }
        return vectors;
    }

    private Map<Long, String> titles(List<Long> articleIds) {
        Map<Long, String> titles = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, title FROM article WHERE id IN (:ids)")
                .setParameter("ids", articleIds).getResultList();
        rows.forEach(r -> titles.put(((Number) r[0]).longValue(), (String) r[1]));
        return titles;
    }
}

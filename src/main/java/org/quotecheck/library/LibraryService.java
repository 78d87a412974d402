package org.quotecheck.library;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.quotecheck.claim.ClaimService;
import org.quotecheck.claim.extraction.ClaimType;
import org.quotecheck.embedding.Embedder;
import org.quotecheck.library.ranking.Findings;
import org.quotecheck.semantic.PassageStore;
import org.quotecheck.semantic.SemanticModel;
import org.quotecheck.verification.meaning.SourcePassage;
import org.quotecheck.source.CheckService;
import org.quotecheck.source.CheckView;
import org.quotecheck.source.SourceType;
import org.quotecheck.verification.CheckResult;
import org.quotecheck.web.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a claim in the whole library: candidates from {@link LibrarySearch}, each checked with the verification
 * engine: quotes word by word against the whole latest version (as the side-by-side check does), statements and
 * quotes not found so by meaning against the passages the search found in it, with their neighbours (reading every
 * passage of every candidate would cost a whole source's vectors each). Sources that do not speak of the claim are
 * dropped.
 */
@ApplicationScoped
public class LibraryService {

    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_LIMIT = 20;
    /** Characters of the source shown around a passage. */
    static final int CONTEXT = 160;

    @Inject
    LibrarySearch search;

    @Inject
    CheckService checks;

    @Inject
    SemanticModel model;

    @Inject
    EntityManager entityManager;

    @Inject
    PassageStore store;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(LibraryService.class);
    /** Passages on each side of a match that the verification engine reads with it (a sentence and its windows). */
    static final int NEIGHBOURS = 3;

    /** One source that speaks of the claim. */
    public record Found(long sourceId, long sourceVersionId, int versionNumber, String title, SourceType type,
                        LocalDate date, CheckResult result, CheckView.Excerpt excerpt, String summary, boolean quote) {

        public String verdict() {
            return CheckView.verdict(result);
        }

        public boolean supports() {
            return Findings.supports(result.classification(), quote);
        }

        /** Whether this source contradicts the claim (a fact differs). */
        public boolean contradicts() {
            return result.classification() == CheckResult.Classification.ALTERED;
        }

        public String typeLabel() {
            String name = type.name().replace('_', ' ').toLowerCase();
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
    }

    /** What a search found, and which sources it could not search in full yet. */
    public record Results(String text, ClaimType type, List<Found> found, LibrarySearch.ProcessingSources processing,
                          boolean byMeaning, String notice) {
    }

    /** A search from a person or an integration: the text is checked first. */
    @Transactional
    @io.micrometer.core.annotation.Timed(value = "quotecheck.library.searches", extraTags = {"by", "person"},
            description = "Library searches from the page and POST /api/search")
    public Results search(String text, ClaimType type, Integer limit) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "Give the claim to look for.");
        }
        if (!org.quotecheck.text.Words.present(text)) {
            throw new InvalidInputException("text", "The text has no letters or digits; give the claim's words.");
        }
        if (text.length() > ClaimService.MAX_CLAIM_CHARS) {
            throw new InvalidInputException("text", "A claim may have at most " + String.format("%,d", ClaimService.MAX_CLAIM_CHARS)
                    + " characters; this one has " + String.format("%,d", text.length()) + ". Search for it in parts.");
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new InvalidInputException("limit", "Ask for 1 to " + MAX_LIMIT + " results.");
        }
        String clean = text.strip();
        return search(clean, type, limit == null ? DEFAULT_LIMIT : limit, embed(clean).orElse(null));
    }

    /** The claim's vector, when a model is available. */
    Optional<float[]> embed(String text) {
        return model.embedder().map(e -> e.embed(List.of(text)).get(0));
    }

    /** Several claims' vectors in one batch (the suggestion job). */
    List<float[]> embedAll(List<String> texts) {
        Optional<Embedder> embedder = model.embedder();
        if (embedder.isEmpty() || texts.isEmpty()) {
            List<float[]> none = new ArrayList<>();
            texts.forEach(t -> none.add(null));
            return none;
        }
        return embedder.get().embed(texts);
    }

    /** A search with the claim's vector known (or null: by words only). Untyped text is looked for word by word first. */
    @Transactional
    @io.micrometer.core.annotation.Timed(value = "quotecheck.library.searches", extraTags = {"by", "job"},
            description = "Library searches of the suggestion job")
    public Results search(String text, ClaimType type, int limit, float[] vector) {
        ClaimType route = type == null ? ClaimType.DIRECT_QUOTE : type;
        long started = System.nanoTime();
        List<LibrarySearch.Candidate> candidates = search.candidates(text, vector, Math.min(40, Math.max(10, 2 * limit)));
        long candidatesAt = System.nanoTime();
        Map<Long, List<SourcePassage>> passages = store.around(candidates.stream().flatMap(c -> c.passageIds().stream()).toList(),
                NEIGHBOURS);
        List<Checked> checked = new ArrayList<>();
        for (LibrarySearch.Candidate candidate : candidates) {
            checks.checkCandidate(text, route, candidate.versionId(), passages.getOrDefault(candidate.versionId(), List.of()), vector)
                    .ifPresent(c -> checked.add(new Checked(candidate.versionId(), c)));
        }
        LOG.debugf("library search: %d candidates in %d ms, checked in %d ms", candidates.size(), (candidatesAt - started) / 1_000_000,
                (System.nanoTime() - candidatesAt) / 1_000_000);
        boolean quote = route.isVerbatim();
        List<Checked> best = Findings.best(checked, c -> c.check().result(), limit, quote);
        Map<Long, Object[]> about = describe(best.stream().map(Checked::versionId).toList());
        List<Found> found = new ArrayList<>();
        for (Checked c : best) {
            Object[] row = about.get(c.versionId());
            if (row == null) {
                continue; // deleted while we looked
            }
            CheckResult result = c.check().result();
            String title = (String) row[1];
            found.add(new Found(((Number) row[0]).longValue(), c.versionId(), ((Number) row[2]).intValue(), title,
                    (SourceType) row[3], row[4] != null ? (LocalDate) row[4] : ((java.time.OffsetDateTime) row[5]).toLocalDate(),
                    result, result.passage() == null ? null : CheckView.excerpt(result, c.check().sourceText(), CONTEXT),
                    Findings.summary(result, title, quote), quote));
        }
        boolean byMeaning = vector != null && search.vectorsReady();
        String notice = vector == null ? "Searched by words only: the meaning model is not available here."
                : !byMeaning ? "Searched by words only: the library's sentence vectors are still loading after a restart."
                + " Search again in a minute to search by meaning too." : null;
        return new Results(text, type, found, search.processing(10), byMeaning, notice);
    }

    private record Checked(long versionId, CheckService.VersionCheck check) {
    }

    /** Source id, title, version number, type, retrieval date and creation time of each version. */
    private Map<Long, Object[]> describe(List<Long> versionIds) {
        Map<Long, Object[]> rows = new HashMap<>();
        if (versionIds.isEmpty()) {
            return rows;
        }
        List<Object[]> found = entityManager.createQuery("select v.id, s.id, s.title, v.number, s.type, s.retrievedOn, s.createdAt"
                + " from SourceVersion v join v.source s where v.id in :ids", Object[].class).setParameter("ids", versionIds).getResultList();
        for (Object[] r : found) {
            rows.put(((Number) r[0]).longValue(), java.util.Arrays.copyOfRange(r, 1, r.length));
        }
        return rows;
    }
}

package org.quotecheck.source;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quotecheck.database.InList;
import jakarta.transaction.Transactional;
import org.quotecheck.claim.Claim;
import org.quotecheck.claim.ClaimService;
import org.quotecheck.claim.ClaimView;
import org.quotecheck.claim.EvidenceLookup;
import org.quotecheck.claim.extraction.ClaimType;
import org.quotecheck.review.workflow.ReviewWorkflow;
import org.quotecheck.user.User;
import org.quotecheck.verification.CheckResult;
import org.quotecheck.verification.SourceIndex;
import org.quotecheck.verification.Verifier;
import org.quotecheck.web.InvalidInputException;
import org.quotecheck.web.NotFoundProblem;

import java.time.OffsetDateTime;
import java.util.List;

/** Runs quote checks (with the index cache) and stores their results as evidence of claims. */
@ApplicationScoped
public class CheckService implements EvidenceLookup {

    static final int CONTEXT = 32;

    @Inject
    IndexCache indexes;

    @Inject
    SourceService sources;

    @Inject
    ClaimService claims;

    @Inject
    org.quotecheck.semantic.MeaningService meaning;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    /** {@code POST /api/verify}: nothing stored. */
    public CheckResult verify(String quote, String sourceText) {
        return verify(quote, sourceText, null, ClaimType.DIRECT_QUOTE);
    }

    /**
     * {@code POST /api/verify} with a claim type, against a text or a stored source's latest version: quotes word by
     * word (by meaning when not found so), statements and reported speech by meaning. Nothing stored.
     */
    @Transactional
    @io.micrometer.core.annotation.Timed(value = "quotecheck.checks", extraTags = {"kind", "verify"},
            description = "Quote and statement checks through POST /api/verify")
    public CheckResult verify(String quote, String sourceText, Long sourceId, ClaimType type) {
        if (sourceId != null) {
            if (quote == null || quote.isBlank()) {
                throw new InvalidInputException("quote", "Give the quote to look for.");
            }
            checkLength(quote);
            SourceVersion version = sources.latestVersion(sourceId);
            return route(quote, type, indexes.get(version.contentHash, () -> version.text), version.id);
        }
        return route(quote, type, textIndex(quote, sourceText), null);
    }

    /** Quotes word by word; statements, reported speech, and quotes not found word for word, by meaning. */
    CheckResult route(String text, ClaimType type, SourceIndex index, Long versionId) {
        return route(text, type, index, versionId, null);
    }

    /**
     * A claim against a library search's candidate: quotes word by word against the whole version (its index is
     * cached), then, like statements, by meaning against the passages the search found there ({@code passages}, with
     * their neighbours and vectors); empty when the version is gone. The version's text is read only when its index
     * is not cached.
     */
    @Transactional
    public java.util.Optional<VersionCheck> checkCandidate(String text, ClaimType type, long versionId,
                                                           List<org.quotecheck.verification.meaning.SourcePassage> passages,
                                                           float[] claimVector) {
        List<?> hash = entityManager.createQuery("select v.contentHash from SourceVersion v where v.id = :id")
                .setParameter("id", versionId).getResultList();
        if (hash.isEmpty()) {
            return java.util.Optional.empty();
        }
        SourceIndex index = indexes.get((String) hash.get(0), () -> entityManager
                .createQuery("select v.text from SourceVersion v where v.id = :id", String.class)
                .setParameter("id", versionId).getSingleResult());
        CheckResult result;
        if (type.isVerbatim()) {
            CheckResult lexical = Verifier.verify(text, index, false);
            result = lexical.classification() != CheckResult.Classification.NOT_FOUND ? lexical
                    : afterWords(meaning.checkPassages(text, index, passages, claimVector));
        } else {
            result = meaning.checkPassages(text, index, passages, claimVector);
        }
        return java.util.Optional.of(new VersionCheck(result, index.text()));
    }

    /** A check against a stored version, with the version's text to show the passage in context. */
    public record VersionCheck(CheckResult result, String sourceText) {
    }

    private CheckResult route(String text, ClaimType type, SourceIndex index, Long versionId, float[] claimVector) {
        boolean quote = type == ClaimType.DIRECT_QUOTE || type == ClaimType.PARTIAL_QUOTE;
        if (quote) {
            CheckResult lexical = Verifier.verify(text, index, false);
            if (lexical.classification() != CheckResult.Classification.NOT_FOUND) {
                return lexical;
            }
            return afterWords(byMeaning(text, index, versionId, claimVector));
        }
        return byMeaning(text, index, versionId, claimVector);
    }

    private CheckResult byMeaning(String text, SourceIndex index, Long versionId, float[] claimVector) {
        return versionId == null ? meaning.check(text, index) : meaning.check(text, versionId, index, claimVector);
    }

    private static CheckResult afterWords(CheckResult byMeaning) {
        if (byMeaning.classification() == CheckResult.Classification.NOT_FOUND) {
            return byMeaning;
        }
        String notice = "Not found word for word; this is what the source says in other words."
                + (byMeaning.notice() == null ? "" : " " + byMeaning.notice());
        return byMeaning.withNotice(notice);
    }

    private static void checkLength(String quote) {
        if (quote.length() > ClaimService.MAX_CLAIM_CHARS) {
            throw new InvalidInputException("quote", "A quote may have at most "
                    + String.format("%,d", ClaimService.MAX_CLAIM_CHARS) + " characters; this one has "
                    + String.format("%,d", quote.length()) + ". Check it in parts.");
        }
    }

    /** The index of a text sent with the request, after the same checks as a stored source's. */
    private SourceIndex textIndex(String quote, String sourceText) {
        if (quote == null || quote.isBlank()) {
            throw new InvalidInputException("quote", "Give the quote to look for.");
        }
        checkLength(quote);
        String text = SourceInput.checkText(sourceText);
        if (text.isBlank()) {
            throw new InvalidInputException("sourceText", "Give the source text to look in.");
        }
        return indexes.get(SourceService.sha256(text), () -> text);
    }

    /** A claim checked against the latest version of a source; the result is shown, not stored. */
    @Transactional
    @io.micrometer.core.annotation.Timed(value = "quotecheck.checks", extraTags = {"kind", "claim"},
            description = "A claim checked against a source (the check page, evidence)")
    public Check check(long claimId, long sourceId) {
        ClaimView claim = claims.find(claimId);
        SourceVersion version = sources.latestVersion(sourceId);
        SourceIndex index = indexes.get(version.contentHash, () -> version.text);
        CheckResult result = route(claim.text(), claim.type(), index, version.id);
        return new Check(claim, SourceView.of(version.source, version, false), version.text, result);
    }

    /** A check's result with what the page needs to show it side by side. */
    public record Check(ClaimView claim, SourceView source, String sourceText, CheckResult result) {
    }

    /** Re-runs the check on the server (never trusting a result sent by a client) and stores it. */
    /** Why a claim whose words left the article takes no evidence and cannot be submitted. */
    public static final String TEXT_MISSING = "The claim's words are no longer in the article since an edit. Mark the"
            + " claim again in the article's new text, or dismiss it; it cannot be checked or submitted until then.";

    @Transactional
    public EvidenceView attach(long claimId, long sourceId, String note, SecurityIdentity identity) {
        if (note != null && note.length() > 2000) {
            throw new InvalidInputException("note", "Use at most 2,000 characters.");
        }
        Claim stored = Claim.<Claim>findByIdOptional(claimId)
                .orElseThrow(() -> new NotFoundProblem("There is no claim " + claimId + "."));
        ClaimService.requireChange(stored, ReviewWorkflow.Change.ADD_EVIDENCE, identity);
        if (stored.textMissing) {
            throw new org.quotecheck.web.ConflictException(TEXT_MISSING);
        }
        ClaimView claim = ClaimView.of(stored, stored.articleId);
        SourceVersion version = sources.latestVersion(sourceId);
        SourceIndex index = indexes.get(version.contentHash, () -> version.text);
        CheckResult result = route(claim.text(), claim.type(), index, version.id);
        Evidence evidence = new Evidence();
        evidence.claimId = claimId;
        evidence.sourceVersion = version;
        evidence.contentHash = version.contentHash;
        evidence.classification = result.classification().name();
        evidence.score = result.score();
        if (result.passage() != null) {
            int start = result.passage().start();
            int end = result.passage().end();
            evidence.passageStart = start;
            evidence.passageEnd = end;
            evidence.exact = version.text.substring(start, end);
            evidence.prefix = version.text.substring(Math.max(0, start - CONTEXT), start);
            evidence.suffix = version.text.substring(end, Math.min(version.text.length(), end + CONTEXT));
        }
        evidence.result = result;
        evidence.note = note == null || note.isBlank() ? null : note.strip();
        evidence.createdBy = User.findByUsername(identity.getPrincipal().getName()).orElseThrow();
        evidence.createdAt = OffsetDateTime.now();
        evidence.persist();
        entityManager.flush(); // the evidence's id, for its audit event
        org.quotecheck.review.AuditEvent event = new org.quotecheck.review.AuditEvent();
        event.claimId = claimId;
        event.articleId = stored.articleId;
        event.actor = evidence.createdBy;
        event.at = evidence.createdAt;
        event.kind = "EVIDENCE";
        event.note = CheckView.verdict(result) + " in “" + version.source.title + "” (version " + version.number + ")"
                + (evidence.note == null ? "" : ": " + evidence.note);
        event.evidenceIds = new Long[] {evidence.id};
        event.persist();
        return EvidenceView.of(evidence, version.number, false);
    }

    /** The evidence of several claims at once, for the article page. */
    @Transactional
    public java.util.Map<Long, List<EvidenceView>> ofClaims(List<Long> claimIds) {
        if (claimIds.isEmpty()) {
            return java.util.Map.of();
        }
        List<Evidence> evidence = InList.collect(claimIds, chunk -> InList.bind(entityManager.createQuery(
                "from Evidence e join fetch e.sourceVersion v join fetch v.source where e.claimId in " + InList.parameters("c")
                        + " order by e.createdAt, e.id", Evidence.class), "c", chunk).getResultList());
        return views(evidence).stream().collect(java.util.stream.Collectors.groupingBy(EvidenceView::claimId));
    }

    @Override
    @Transactional
    public List<EvidenceView> ofClaim(long claimId) {
        return views(Evidence.ofClaim(claimId));
    }

    /** Claims (of these) with evidence on a source that was corrected since and not checked against the correction. */
    @Transactional
    public java.util.Set<Long> needingRecheck(List<Long> claimIds) {
        return ofClaims(claimIds).values().stream().flatMap(List::stream).filter(EvidenceView::needsRecheck)
                .map(EvidenceView::claimId).collect(java.util.stream.Collectors.toSet());
    }

    /** Each piece of evidence with its source's newest version, and whether the claim was checked against it since. */
    private List<EvidenceView> views(List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, Integer> latest = new java.util.HashMap<>();
        InList.collect(evidence.stream().map(e -> e.sourceVersion.source.id).toList(), chunk -> InList.bind(entityManager.createQuery(
                        "select v.source.id, v.number from SourceVersion v where v.latest = true and v.source.id in "
                                + InList.parameters("s"), Object[].class), "s", chunk).getResultList())
                .forEach(r -> latest.put((Long) r[0], (Integer) r[1]));
        java.util.Set<String> checkedAgainstLatest = new java.util.HashSet<>();
        for (Evidence e : evidence) {
            if (e.sourceVersion.number == latest.getOrDefault(e.sourceVersion.source.id, e.sourceVersion.number)) {
                checkedAgainstLatest.add(e.claimId + "/" + e.sourceVersion.source.id);
            }
        }
        return evidence.stream().map(e -> EvidenceView.of(e, latest.getOrDefault(e.sourceVersion.source.id, e.sourceVersion.number),
                checkedAgainstLatest.contains(e.claimId + "/" + e.sourceVersion.source.id))).toList();
    }
}

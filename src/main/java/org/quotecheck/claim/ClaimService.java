package org.quotecheck.claim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.quotecheck.claim.extraction.ClaimExtractor;
import org.quotecheck.claim.extraction.ClaimType;
import org.quotecheck.claim.extraction.ExtractedClaim;
import org.quotecheck.claim.extraction.Reconciler;
import io.quarkus.security.identity.SecurityIdentity;
import org.quotecheck.review.workflow.ReviewState;
import org.quotecheck.review.workflow.ReviewWorkflow;
import org.quotecheck.user.Actor;
import org.quotecheck.web.ProblemException;
import org.quotecheck.text.NumberMention;
import org.quotecheck.web.ConflictException;
import org.quotecheck.web.FieldError;
import org.quotecheck.web.InvalidInputException;
import org.quotecheck.web.NotFoundProblem;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Extracts, stores and edits claims. Runs inside the caller's transaction when an article is saved. */
@ApplicationScoped
public class ClaimService {

    static final int MAX_SPEAKER = 200;
    /** The longest claim an editor may mark or check: a long paragraph, far below what the engines could bear. */
    public static final int MAX_CLAIM_CHARS = 10_000;
    /**
     * The most claims one article may have: a long report has a few hundred. Past it, checking one article would
     * hold up everyone else's background work for hours, so the text is refused with the count and nothing is stored.
     */
    public static final int MAX_CLAIMS_PER_ARTICLE = 3_000;

    @Inject
    EntityManager entityManager;

    @Inject
    jakarta.enterprise.event.Event<ClaimsChanged> changed;

    /** A new article: store every claim the extractor finds. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void extractNew(long articleId, String body) {
        List<ExtractedClaim> extracted = ClaimExtractor.extract(body);
        refuseIfTooMany(extracted.size());
        for (ExtractedClaim found : extracted) {
            persistExtracted(articleId, found);
        }
        fireChanged(articleId);
    }

    private void fireChanged(long articleId) {
        entityManager.flush();
        changed.fire(new ClaimsChanged(articleId));
    }

    /** An edited body: keep every claim whose text is still there, flag the others, add what is new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reextract(long articleId, String body, int oldLength) {
        List<Claim> existing = Claim.ofArticle(articleId);
        List<Reconciler.Kept> kept = existing.stream()
                .map(c -> new Reconciler.Kept(c.id, c.type, c.text, c.start, c.end)).toList();
        Reconciler.Result result = Reconciler.reconcile(kept, oldLength, body, ClaimExtractor.extract(body));
        // Every stored claim is in moved: those whose text is still there count, with what is new.
        refuseIfTooMany((int) result.moved().stream().filter(m -> !m.missing()).count() + result.added().size());
        Map<Long, Claim> byId = existing.stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        OffsetDateTime now = OffsetDateTime.now();
        for (Reconciler.Moved moved : result.moved()) {
            Claim claim = byId.get(moved.id());
            boolean changed = claim.textMissing != moved.missing() || !moved.missing() && claim.start != moved.start();
            if (!changed) {
                continue;
            }
            claim.textMissing = moved.missing();
            if (!moved.missing()) {
                claim.start = moved.start();
                claim.end = moved.end();
                claim.numbers = numbersIn(body, claim.start, claim.end);
            }
            claim.updatedAt = now;
        }
        for (ExtractedClaim found : result.added()) {
            persistExtracted(articleId, found);
        }
        fireChanged(articleId);
    }

    /** 404 unless the claim is one of the article's: a page's address names both, and both must hold. */
    @Transactional
    public void requireOfArticle(long articleId, long claimId) {
        boolean found = !entityManager.createQuery("select c.id from Claim c where c.id = :claim and c.articleId = :article", Long.class)
                .setParameter("claim", claimId).setParameter("article", articleId).setMaxResults(1).getResultList().isEmpty();
        if (!found) {
            throw new NotFoundProblem("Article " + articleId + " has no claim " + claimId + ".");
        }
    }

    private static void refuseIfTooMany(int claims) {
        if (claims > MAX_CLAIMS_PER_ARTICLE) {
            throw new InvalidInputException("body", "This text gives " + String.format("%,d", claims) + " claims to check;"
                    + " one article may have at most " + String.format("%,d", MAX_CLAIMS_PER_ARTICLE) + ". Nothing was saved."
                    + " Split it into several articles, or paste the part that needs checking.");
        }
    }

    @Transactional
    public ClaimView addManual(long articleId, ManualClaim input) {
        String body = entityManager.createQuery("select a.body from Article a where a.id = :id", String.class)
                .setParameter("id", articleId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundProblem("There is no article " + articleId + "."));
        long present = entityManager.createQuery("select count(c) from Claim c where c.articleId = :id and c.textMissing = false",
                Long.class).setParameter("id", articleId).getSingleResult();
        if (present >= MAX_CLAIMS_PER_ARTICLE) {
            throw new InvalidInputException("start", "This article has " + String.format("%,d", present) + " claims, the most"
                    + " one article may have. Dismissing claims does not make room; split the article instead.");
        }
        List<FieldError> errors = new ArrayList<>();
        ClaimType type = parseType(input.type(), errors);
        int[] span = resolveSpan(body, input, errors);
        String speaker = cleanSpeaker(input.speaker(), errors);
        if (errors.isEmpty() && span[1] - span[0] > MAX_CLAIM_CHARS) {
            errors.add(new FieldError(input.text() != null && !input.text().isBlank() ? "text" : "start",
                    "A claim may have at most " + String.format("%,d", MAX_CLAIM_CHARS) + " characters; this selection has "
                            + String.format("%,d", span[1] - span[0]) + ". Mark one sentence or paragraph at a time."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Claim claim = new Claim();
        claim.articleId = articleId;
        claim.type = type;
        claim.start = span[0];
        claim.end = span[1];
        claim.text = body.substring(span[0], span[1]);
        claim.speaker = speaker;
        claim.speakerKind = org.quotecheck.claim.extraction.SpeakerKind.of(speaker);
        claim.numbers = numbersIn(body, span[0], span[1]);
        claim.origin = Claim.Origin.MANUAL;
        claim.state = Claim.State.NEW;
        claim.createdAt = OffsetDateTime.now();
        claim.updatedAt = claim.createdAt;
        claim.persist();
        fireChanged(articleId);
        return ClaimView.of(claim, articleId);
    }

    @Transactional
    public ClaimView edit(long claimId, long expectedVersion, String typeName, String speakerName, SecurityIdentity identity) {
        Claim claim = load(claimId);
        checkVersion(claim, expectedVersion);
        requireChange(claim, ReviewWorkflow.Change.EDIT, identity);
        List<FieldError> errors = new ArrayList<>();
        ClaimType type = parseType(typeName, errors);
        String speaker = cleanSpeaker(speakerName, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        claim.type = type;
        claim.speaker = speaker;
        claim.speakerKind = org.quotecheck.claim.extraction.SpeakerKind.of(speaker);
        claim.updatedAt = OffsetDateTime.now();
        fireChanged(claim.articleId);
        return ClaimView.of(claim, claim.articleId);
    }

    @Transactional
    public List<ClaimView> ofArticle(long articleId) {
        return Claim.ofArticle(articleId).stream().map(c -> ClaimView.of(c, articleId)).toList();
    }

    @Transactional
    public ClaimView find(long claimId) {
        Claim claim = load(claimId);
        return ClaimView.of(claim, claim.articleId);
    }

    /**
     * Refuses a content change the review rules do not allow: a frozen claim (409), or one another editor holds (403).
     */
    public static void requireChange(Claim claim, ReviewWorkflow.Change change, SecurityIdentity identity) {
        Actor actor = Actor.of(identity);
        ReviewWorkflow.Decision decision = ReviewWorkflow.mayChange(ReviewState.valueOf(claim.state.name()), change,
                actor.roles(), actor.id(), claim.assignee == null ? null : claim.assignee.id);
        if (!decision.allowed()) {
            throw decision.problem() == ReviewWorkflow.Problem.CONFLICT ? new ConflictException(decision.reason())
                    : new ProblemException(403, "Forbidden", decision.reason(), List.of());
        }
    }

    private void persistExtracted(long articleId, ExtractedClaim found) {
        Claim claim = new Claim();
        claim.articleId = articleId;
        claim.type = found.type();
        claim.text = found.text();
        claim.start = found.start();
        claim.end = found.end();
        claim.speaker = found.speaker() == null ? null : truncate(found.speaker(), MAX_SPEAKER);
        claim.speakerKind = found.speakerKind();
        claim.cue = found.cue() == null ? null : truncate(found.cue(), 100);
        claim.numbers = found.numbers().stream().map(ClaimService::number).toList();
        claim.origin = Claim.Origin.EXTRACTED;
        claim.state = Claim.State.NEW;
        claim.createdAt = OffsetDateTime.now();
        claim.updatedAt = claim.createdAt;
        claim.persist();
    }

    private static List<ClaimNumber> numbersIn(String body, int start, int end) {
        return org.quotecheck.text.ClaimNumbers.in(body.substring(start, end)).stream().map(ClaimService::number).toList();
    }

    private static ClaimNumber number(NumberMention n) {
        return new ClaimNumber(n.text(), n.value(), n.unit());
    }

    private static Claim load(long id) {
        return Claim.<Claim>findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("There is no claim " + id + "."));
    }

    private static void checkVersion(Claim claim, long expectedVersion) {
        if (claim.version != expectedVersion) {
            throw new ConflictException("Someone else changed this claim (now version " + claim.version
                    + ") after you opened it. Reload to see the change, then try again.");
        }
    }

    private static ClaimType parseType(String name, List<FieldError> errors) {
        try {
            return ClaimType.valueOf(name == null ? "" : name.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("type", "Choose DIRECT_QUOTE, PARTIAL_QUOTE, INDIRECT_QUOTE or STATEMENT."));
            return null;
        }
    }

    private static String cleanSpeaker(String speaker, List<FieldError> errors) {
        if (speaker == null || speaker.isBlank()) {
            return null;
        }
        if (speaker.strip().length() > MAX_SPEAKER) {
            errors.add(new FieldError("speaker", "Use at most " + MAX_SPEAKER + " characters."));
        }
        return speaker.strip();
    }

    /** Offsets if given and consistent with the text; otherwise the n-th occurrence of the text. */
    private static int[] resolveSpan(String body, ManualClaim input, List<FieldError> errors) {
        if (input.start() != null && input.end() != null) {
            int start = input.start();
            int end = input.end();
            if (start < 0 || end > body.length() || end <= start) {
                errors.add(new FieldError("start", "Offsets must satisfy 0 ≤ start < end ≤ " + body.length() + "."));
                return new int[] {0, 0};
            }
            if (body.substring(start, end).isBlank()) {
                errors.add(new FieldError("start", "The selected text is empty."));
            }
            if (input.text() != null && !input.text().isBlank() && !body.substring(start, end).equals(input.text())) {
                return findText(body, input.text(), input.occurrence(), errors);
            }
            return trim(body, start, end);
        }
        if (input.text() == null || input.text().isBlank()) {
            errors.add(new FieldError("text", "Select the words of the claim in the article, or type them exactly."));
            return new int[] {0, 0};
        }
        return findText(body, input.text(), input.occurrence(), errors);
    }

    private static int[] findText(String body, String text, Integer occurrence, List<FieldError> errors) {
        String wanted = text.strip();
        int n = occurrence == null || occurrence < 1 ? 1 : occurrence;
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = body.indexOf(wanted, at + 1);
            if (at < 0) {
                break;
            }
        }
        if (at < 0) {
            errors.add(new FieldError("text", n == 1 ? "These words are not in the article. Copy them exactly."
                    : "These words do not occur " + n + " times in the article."));
            return new int[] {0, 0};
        }
        return new int[] {at, at + wanted.length()};
    }

    private static int[] trim(String body, int start, int end) {
        while (start < end && Character.isWhitespace(body.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(body.charAt(end - 1))) {
            end--;
        }
        return new int[] {start, end};
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}

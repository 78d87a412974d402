package org.quotecheck.review;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.quotecheck.claim.Claim;
import org.quotecheck.claim.ClaimView;
import org.quotecheck.review.workflow.Rating;
import org.quotecheck.review.workflow.ReviewAction;
import org.quotecheck.review.workflow.ReviewState;
import org.quotecheck.review.workflow.ReviewWorkflow;
import org.quotecheck.user.Actor;
import org.quotecheck.user.User;
import org.quotecheck.web.ConflictException;
import org.quotecheck.web.FieldError;
import org.quotecheck.web.InvalidInputException;
import org.quotecheck.web.NotFoundProblem;
import org.quotecheck.web.ProblemException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Applies review actions to claims. Each change carries the version the user saw; the rules are
 * {@link ReviewWorkflow}'s; the claim update and its audit event are one transaction, so a refused or conflicting
 * change leaves no trace and a successful one always has its history row.
 */
@ApplicationScoped
public class ReviewService implements org.quotecheck.claim.HistoryLookup {

    @Override
    public List<HistoryEntry> ofClaim(long claimId) {
        return history(claimId);
    }


    @Inject
    EntityManager entityManager;

    @Inject
    jakarta.enterprise.event.Event<org.quotecheck.web.FreshCounts.Changed> countsChanged;

    @Inject
    jakarta.enterprise.event.Event<ClaimTransitioned> transitioned;

    @Transactional
    public ClaimView transition(long claimId, TransitionRequest request, SecurityIdentity identity) {
        ReviewAction action = parseAction(request.action());
        if (request.version() == null) {
            throw new InvalidInputException("version", "Send the claim's version as you last saw it.");
        }
        Rating rating = parseRating(request.rating());
        Claim claim = Claim.<Claim>findByIdOptional(claimId).orElseThrow(() -> new NotFoundProblem("There is no claim " + claimId + "."));
        User actor = User.findByUsername(identity.getPrincipal().getName()).orElseThrow();
        if (claim.version != request.version()) {
            throw new ConflictException("This claim changed since you opened it (it is now " + label(claim.state)
                    + ", version " + claim.version + "). Reload it to see what changed, then try again.");
        }
        ReviewState from = ReviewState.valueOf(claim.state.name());
        if (action == ReviewAction.SUBMIT && claim.textMissing) {
            throw new ConflictException(org.quotecheck.source.CheckService.TEXT_MISSING);
        }
        boolean hasNote = request.note() != null && !request.note().isBlank();
        List<Long> evidenceIds = entityManager.createQuery("select e.id from Evidence e where e.claimId = :id order by e.id", Long.class)
                .setParameter("id", claimId).getResultList();
        String latestEvidence = evidenceIds.isEmpty() ? null : entityManager.createQuery(
                        "select e.classification from Evidence e where e.id = :id", String.class)
                .setParameter("id", evidenceIds.get(evidenceIds.size() - 1)).getSingleResult();
        ReviewWorkflow.Decision decision = ReviewWorkflow.decide(from, new ReviewWorkflow.Attempt(action, Actor.workflowRoles(identity),
                person(actor.id), submitters(claim), claim.assignee == null ? null : person(claim.assignee.id), rating, hasNote, !evidenceIds.isEmpty(),
                Boolean.TRUE.equals(request.noSourceFound()), latestEvidence, Boolean.TRUE.equals(request.confirmed())));
        if (!decision.allowed()) {
            throw switch (decision.problem()) {
                case FORBIDDEN -> new ProblemException(403, "Forbidden", decision.reason(), List.of());
                case CONFLICT -> new ConflictException(decision.reason());
                case INVALID -> new InvalidInputException(decision.reasons().stream()
                        .map(reason -> new FieldError(invalidField(action, rating, reason), reason)).toList());
            };
        }
        if (hasNote && request.note().length() > 5000) {
            throw new InvalidInputException("note", "Use at most 5,000 characters.");
        }
        OffsetDateTime now = OffsetDateTime.now();
        String note = hasNote ? request.note().strip() : null;
        apply(claim, action, actor, rating, note, Boolean.TRUE.equals(request.noSourceFound()), now);
        claim.state = Claim.State.valueOf(decision.to().name());
        claim.updatedAt = now;
        entityManager.flush(); // a concurrent change surfaces here as an optimistic-lock conflict (409)
        countsChanged.fire(new org.quotecheck.web.FreshCounts.Changed()); // cleared once this commits
        record(claim, actor, now, "TRANSITION", action.name(), from.name(), decision.to().name(),
                action == ReviewAction.SUBMIT ? rating.name() : null, note,
                action == ReviewAction.SUBMIT || action == ReviewAction.APPROVE ? evidenceIds : List.of());
        ClaimView view = ClaimView.of(claim, claim.articleId);
        transitioned.fire(new ClaimTransitioned(view, action.name(), from.name(), decision.to().name(), actor.username));
        return view;
    }

    /** Which field a refusal for missing or contradicting input is about. */
    private static String invalidField(ReviewAction action, Rating rating, String reason) {
        if (action == ReviewAction.SUBMIT && (reason.equals("Choose a rating.") || reason.equals(ReviewWorkflow.NO_SOURCE_RATING))) {
            return "rating";
        }
        if (reason.startsWith("Attach")) {
            return "evidence";
        }
        return reason.startsWith("The rating ") ? "confirmed" : "note";
    }

    /**
     * The people who submitted the claim in any review round (the audit trail, plus the current submitter). The
     * four-eyes rule is about people: what an API token did counts as done by the administrator who created it, so
     * nobody approves their own work through a token, nor a token's work as themselves.
     */
    private Set<Long> submitters(Claim claim) {
        Set<Long> accounts = new java.util.HashSet<>(entityManager.createQuery("select distinct e.actor.id from AuditEvent e"
                        + " where e.claimId = :id and e.kind = 'TRANSITION' and e.action = 'SUBMIT'", Long.class)
                .setParameter("id", claim.id).getResultList());
        if (claim.submittedBy != null) {
            accounts.add(claim.submittedBy.id);
        }
        Set<Long> people = new java.util.HashSet<>();
        for (long account : accounts) {
            people.add(person(account));
        }
        return people;
    }

    /** The person behind an account: itself, or for an API token's account the administrator who created the token. */
    private long person(long accountId) {
        @SuppressWarnings("unchecked")
        List<Number> creator = entityManager.createNativeQuery("SELECT created_by FROM api_token WHERE account_id = ?1")
                .setParameter(1, accountId).getResultList();
        return creator.isEmpty() ? accountId : creator.get(0).longValue();
    }

    private static void apply(Claim claim, ReviewAction action, User actor, Rating rating, String note,
                              boolean noSourceFound, OffsetDateTime now) {
        switch (action) {
            case TAKE -> claim.assignee = actor;
            case SUBMIT -> {
                claim.rating = rating.name();
                claim.rationale = note;
                claim.noSourceFound = noSourceFound;
                claim.submittedBy = actor;
                claim.submittedAt = now;
                claim.decidedBy = null;
                claim.decidedAt = null;
            }
            case APPROVE, RETURN -> {
                claim.decidedBy = actor;
                claim.decidedAt = now;
                claim.note = action == ReviewAction.RETURN ? note : claim.note;
            }
            case DISMISS -> claim.note = note;
            case RESTORE -> claim.note = null;
            case REOPEN -> {
                claim.note = note;
                claim.decidedBy = null;
                claim.decidedAt = null;
            }
        }
    }

    @Transactional
    public HistoryEntry comment(long claimId, String text, SecurityIdentity identity) {
        Claim claim = Claim.<Claim>findByIdOptional(claimId).orElseThrow(() -> new NotFoundProblem("There is no claim " + claimId + "."));
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("comment", "Write a comment.");
        }
        if (text.length() > 5000) {
            throw new InvalidInputException("comment", "Use at most 5,000 characters.");
        }
        User actor = User.findByUsername(identity.getPrincipal().getName()).orElseThrow();
        return HistoryEntry.of(record(claim, actor, OffsetDateTime.now(), "COMMENT", null, null, null, null, text.strip(), List.of()));
    }

    @Transactional
    public List<HistoryEntry> history(long claimId) {
        return AuditEvent.ofClaim(claimId).stream().map(HistoryEntry::of).toList();
    }

    private static AuditEvent record(Claim claim, User actor, OffsetDateTime at, String kind, String action, String from,
                                     String to, String rating, String note, List<Long> evidenceIds) {
        AuditEvent event = new AuditEvent();
        event.claimId = claim.id;
        event.articleId = claim.articleId;
        event.actor = actor;
        event.at = at;
        event.kind = kind;
        event.action = action;
        event.fromState = from;
        event.toState = to;
        event.rating = rating;
        event.note = note;
        event.evidenceIds = evidenceIds.toArray(Long[]::new);
        event.persist();
        return event;
    }

    private static ReviewAction parseAction(String name) {
        try {
            return ReviewAction.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("action", "Use TAKE, SUBMIT, APPROVE, RETURN, DISMISS, RESTORE or REOPEN.");
        }
    }

    private static Rating parseRating(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Rating.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldError("rating",
                    "Use ACCURATE, MOSTLY_ACCURATE, MISLEADING, INACCURATE, MISATTRIBUTED or UNVERIFIABLE.")));
        }
    }

    private static String label(Claim.State state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

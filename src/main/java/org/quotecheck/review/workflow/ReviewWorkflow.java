package org.quotecheck.review.workflow;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every rule of the review in one table: from which state an action leads where, which roles may take it, and what
 * must hold (a note, a rating with evidence, the four-eyes rule: whoever submitted a claim in any review round never
 * approves or returns it, whatever roles they hold; and the assignee rule: while an editor holds a claim, nobody but
 * that editor or an administrator changes it). A second, smaller table says in which states a claim's content (its
 * type and speaker, its evidence) may change. Pure Java; {@link #decide} is the only way the application changes
 * state and {@link #mayChange} the only way it decides about content changes.
 */
public final class ReviewWorkflow {

    /** The roles a user holds, as the rules see them. */
    public enum Role { EDITOR, REVIEWER, ADMIN }

    /** What must hold beyond state and role. */
    public enum Guard { NOTE, RATING_AND_EVIDENCE, RATING_FITS_EVIDENCE, NOT_SUBMITTER, ASSIGNEE }

    /** One row of the table. */
    public record Rule(ReviewState from, ReviewAction action, ReviewState to, Set<Role> roles, Set<Guard> guards) {
    }

    /**
     * The facts about one attempt. {@code submitterIds} are everyone who submitted the claim in any review round (read
     * from its audit trail), not only the latest submitter; they, {@code actorId} and {@code assigneeId} name
     * people, so an API token counts as the person who created it. {@code latestEvidence} is the classification of the
     * claim's most recent evidence (null without evidence); {@code confirmed} says the editor confirmed a rating that
     * the evidence does not support.
     */
    public record Attempt(ReviewAction action, Set<Role> roles, long actorId, Set<Long> submitterIds, Long assigneeId,
                          Rating rating, boolean hasNote, boolean hasEvidence, boolean noSourceFound,
                          String latestEvidence, boolean confirmed) {
        public Attempt {
            submitterIds = submitterIds == null ? Set.of() : Set.copyOf(submitterIds);
        }

        public boolean hasRating() {
            return rating != null;
        }
    }

    /** A change to a claim's content rather than its state. */
    public enum Change { EDIT, ADD_EVIDENCE }

    /** One row of the content table: in this state, these changes are allowed to these roles, with these guards. */
    public record ChangeRule(ReviewState state, Set<Change> changes, Set<Role> roles, Set<Guard> guards) {
    }

    /** The outcome: the new state, or why not ({@code problem} says which kind of refusal it is). */
    public record Decision(ReviewState to, Problem problem, String reason, List<String> reasons) {
        public Decision(ReviewState to, Problem problem, String reason) {
            this(to, problem, reason, reason == null ? List.of() : List.of(reason));
        }

        public boolean allowed() {
            return problem == null;
        }
    }

    /** Why an attempt is refused: a role missing (403), the wrong state (409), or input missing (422). */
    public enum Problem { FORBIDDEN, CONFLICT, INVALID }

    private static final String HELD_BY_ANOTHER = "Another editor holds this claim; only they or an administrator may"
            + " change it.";
    private static final Set<Role> EDITORS = EnumSet.of(Role.EDITOR, Role.ADMIN);
    private static final Set<Role> REVIEWERS = EnumSet.of(Role.REVIEWER, Role.ADMIN);
    private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

    public static final List<Rule> RULES = List.of(
            new Rule(ReviewState.NEW, ReviewAction.TAKE, ReviewState.IN_PROGRESS, EDITORS, Set.of()),
            new Rule(ReviewState.RETURNED, ReviewAction.TAKE, ReviewState.IN_PROGRESS, EDITORS, Set.of()),
            new Rule(ReviewState.IN_PROGRESS, ReviewAction.SUBMIT, ReviewState.IN_REVIEW, EDITORS,
                    EnumSet.of(Guard.ASSIGNEE, Guard.RATING_AND_EVIDENCE, Guard.RATING_FITS_EVIDENCE, Guard.NOTE)),
            new Rule(ReviewState.IN_REVIEW, ReviewAction.APPROVE, ReviewState.APPROVED, REVIEWERS,
                    EnumSet.of(Guard.NOT_SUBMITTER)),
            new Rule(ReviewState.IN_REVIEW, ReviewAction.RETURN, ReviewState.RETURNED, REVIEWERS,
                    EnumSet.of(Guard.NOT_SUBMITTER, Guard.NOTE)),
            new Rule(ReviewState.NEW, ReviewAction.DISMISS, ReviewState.DISMISSED, EDITORS, EnumSet.of(Guard.NOTE)),
            new Rule(ReviewState.IN_PROGRESS, ReviewAction.DISMISS, ReviewState.DISMISSED, EDITORS,
                    EnumSet.of(Guard.ASSIGNEE, Guard.NOTE)),
            new Rule(ReviewState.DISMISSED, ReviewAction.RESTORE, ReviewState.NEW, EDITORS, Set.of()),
            new Rule(ReviewState.APPROVED, ReviewAction.REOPEN, ReviewState.IN_PROGRESS, ADMINS, EnumSet.of(Guard.NOTE)));

    /**
     * Where a claim's content may change. A claim in review or approved is frozen (an administrator reopens it
     * first); a dismissed one may still be corrected but gets no evidence; while an editor holds a claim (in progress,
     * or returned to them) only they or an administrator change it; another editor takes it over first, which the
     * audit trail records.
     */
    public static final List<ChangeRule> CHANGE_RULES = List.of(
            new ChangeRule(ReviewState.NEW, EnumSet.allOf(Change.class), EDITORS, Set.of()),
            new ChangeRule(ReviewState.IN_PROGRESS, EnumSet.allOf(Change.class), EDITORS, EnumSet.of(Guard.ASSIGNEE)),
            new ChangeRule(ReviewState.RETURNED, EnumSet.allOf(Change.class), EDITORS, EnumSet.of(Guard.ASSIGNEE)),
            new ChangeRule(ReviewState.DISMISSED, EnumSet.of(Change.EDIT), EDITORS, Set.of()));

    private ReviewWorkflow() {
    }

    /** Whether this user may make this content change to a claim in this state. */
    public static Decision mayChange(ReviewState state, Change change, Set<Role> roles, long actorId, Long assigneeId) {
        ChangeRule rule = CHANGE_RULES.stream().filter(r -> r.state() == state && r.changes().contains(change))
                .findFirst().orElse(null);
        if (rule == null) {
            String what = change == Change.EDIT ? "changed" : "given evidence";
            return new Decision(null, Problem.CONFLICT, "A claim that is " + label(state) + " cannot be " + what
                    + (state == ReviewState.APPROVED ? " unless an administrator reopens it." : "."));
        }
        if (rule.roles().stream().noneMatch(roles::contains)) {
            return new Decision(null, Problem.FORBIDDEN, "Only editors may change a claim.");
        }
        if (rule.guards().contains(Guard.ASSIGNEE) && heldBySomeoneElse(roles, actorId, assigneeId)) {
            return new Decision(null, Problem.FORBIDDEN, HELD_BY_ANOTHER);
        }
        return new Decision(state, null, null);
    }

    private static boolean heldBySomeoneElse(Set<Role> roles, long actorId, Long assigneeId) {
        return assigneeId != null && assigneeId != actorId && !roles.contains(Role.ADMIN);
    }

    public static Optional<Rule> rule(ReviewState from, ReviewAction action) {
        return RULES.stream().filter(r -> r.from() == from && r.action() == action).findFirst();
    }

    /** The actions a user with these roles could take from this state (guards aside): what pages offer. */
    public static List<ReviewAction> offered(ReviewState from, Set<Role> roles) {
        return RULES.stream().filter(r -> r.from() == from && r.roles().stream().anyMatch(roles::contains))
                .map(Rule::action).toList();
    }

    public static Decision decide(ReviewState from, Attempt attempt) {
        Rule rule = rule(from, attempt.action()).orElse(null);
        if (rule == null) {
            return new Decision(null, Problem.CONFLICT, "A claim that is " + label(from) + " cannot be "
                    + past(attempt.action()) + ".");
        }
        if (rule.roles().stream().noneMatch(attempt.roles()::contains)) {
            return new Decision(null, Problem.FORBIDDEN, "Only " + roleNames(rule.roles()) + " may "
                    + attempt.action().name().toLowerCase() + " a claim.");
        }
        if (rule.guards().contains(Guard.NOT_SUBMITTER) && attempt.submitterIds().contains(attempt.actorId())) {
            return new Decision(null, Problem.FORBIDDEN, "You submitted this claim (in this or an earlier review round,"
                    + " yourself or through an API token you created); a second person must review it.");
        }
        if (rule.guards().contains(Guard.ASSIGNEE) && heldBySomeoneElse(attempt.roles(), attempt.actorId(), attempt.assigneeId())) {
            return new Decision(null, Problem.FORBIDDEN, HELD_BY_ANOTHER);
        }
        // Input that is missing or does not fit: every reason at once, so that a form can show them all together.
        List<String> invalid = new java.util.ArrayList<>();
        if (rule.guards().contains(Guard.RATING_AND_EVIDENCE)) {
            if (!attempt.hasRating()) {
                invalid.add("Choose a rating.");
            }
            if (!attempt.hasEvidence() && !attempt.noSourceFound()) {
                invalid.add("Attach at least one piece of evidence, or state that no source was found.");
            }
            if (attempt.hasRating() && attempt.noSourceFound() && attempt.rating() != Rating.UNVERIFIABLE) {
                invalid.add(NO_SOURCE_RATING);
            }
        }
        if (rule.guards().contains(Guard.RATING_FITS_EVIDENCE) && !attempt.confirmed()
                && contradictsEvidence(attempt.rating(), attempt.latestEvidence())) {
            invalid.add(unsupportedRating(attempt.rating(), attempt.latestEvidence()));
        }
        if (rule.guards().contains(Guard.NOTE) && !attempt.hasNote()) {
            invalid.add(switch (attempt.action()) {
                case SUBMIT -> "Explain the rating (the rationale).";
                case RETURN -> "Tell the editor what to fix.";
                case DISMISS -> "Say why the claim is not worth checking.";
                case REOPEN -> "Say why the approved claim is reopened.";
                default -> "Add a note.";
            });
        }
        if (!invalid.isEmpty()) {
            return new Decision(null, Problem.INVALID, invalid.get(0), List.copyOf(invalid));
        }
        return new Decision(rule.to(), null, null);
    }

    /** The refusal when no source was found but the rating is not Unverifiable. */
    public static final String NO_SOURCE_RATING = "With no source found, the only possible rating is Unverifiable:"
            + " without a source nothing can be confirmed or refuted.";

    /** Evidence classifications that do not support a claim as printed. */
    private static final Set<String> UNSUPPORTING = Set.of("ALTERED", "NOT_FOUND");

    /**
     * Whether a rating says more than the evidence supports: Accurate or Mostly accurate while the latest evidence
     * found the claim altered or not at all. Such a rating needs the editor's explicit confirmation, and reviewers are
     * warned of it.
     */
    public static boolean contradictsEvidence(Rating rating, String latestEvidence) {
        return (rating == Rating.ACCURATE || rating == Rating.MOSTLY_ACCURATE) && latestEvidence != null
                && UNSUPPORTING.contains(latestEvidence);
    }

    /** What the editor is asked to confirm, and what a reviewer is warned of. */
    public static String unsupportedRating(Rating rating, String latestEvidence) {
        return "The rating " + rating.label() + " disagrees with the latest evidence, which found the claim "
                + ("NOT_FOUND".equals(latestEvidence) ? "not in its source" : "altered") + ". Confirm the rating"
                + " explicitly if it stands (for example when the evidence was checked against the wrong passage).";
    }

    /** What a reviewer is warned of when the rating says more than the evidence, or null when it does not. */
    public static String reviewerWarning(String rating, String latestEvidence) {
        Rating proposed = rating == null ? null : Rating.valueOf(rating);
        if (!contradictsEvidence(proposed, latestEvidence)) {
            return null;
        }
        return "Rated " + proposed.label() + ", but the latest evidence found the claim "
                + ("NOT_FOUND".equals(latestEvidence) ? "not in its source" : "altered")
                + ": the editor confirmed the rating. Read the evidence before approving.";
    }

    private static String roleNames(Set<Role> roles) {
        return roles.equals(ADMINS) ? "administrators" : roles.contains(Role.REVIEWER) ? "reviewers" : "editors";
    }

    static String label(ReviewState state) {
        return state.name().toLowerCase().replace('_', ' ');
    }

    private static String past(ReviewAction action) {
        return switch (action) {
            case TAKE -> "taken";
            case SUBMIT -> "submitted";
            case APPROVE -> "approved";
            case RETURN -> "returned";
            case DISMISS -> "dismissed";
            case RESTORE -> "restored";
            case REOPEN -> "reopened";
        };
    }
}

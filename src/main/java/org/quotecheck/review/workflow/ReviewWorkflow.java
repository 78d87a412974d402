package org.quotecheck.review.workflow;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every rule of the review in one table: from which state an action leads where, which roles may take it, and what
 * must hold (a note, a rating with evidence, and the four-eyes rule: whoever submitted a claim never approves or
 * returns it, whatever roles they hold). Pure Java; {@link #decide} is the only way the application changes state.
 */
public final class ReviewWorkflow {

    /** The roles a user holds, as the rules see them. */
    public enum Role { EDITOR, REVIEWER, ADMIN }

    /** What must hold beyond state and role. */
    public enum Guard { NOTE, RATING_AND_EVIDENCE, NOT_SUBMITTER, ASSIGNEE }

    /** One row of the table. */
    public record Rule(ReviewState from, ReviewAction action, ReviewState to, Set<Role> roles, Set<Guard> guards) {
    }

    /** The facts about one attempt. */
    public record Attempt(ReviewAction action, Set<Role> roles, long actorId, Long submitterId, Long assigneeId,
                          boolean hasRating, boolean hasNote, boolean hasEvidence, boolean noSourceFound) {
    }

    /** The outcome: the new state, or why not ({@code problem} says which kind of refusal it is). */
    public record Decision(ReviewState to, Problem problem, String reason) {
        public boolean allowed() {
            return problem == null;
        }
    }

    /** Why an attempt is refused: a role missing (403), the wrong state (409), or input missing (422). */
    public enum Problem { FORBIDDEN, CONFLICT, INVALID }

    private static final Set<Role> EDITORS = EnumSet.of(Role.EDITOR, Role.ADMIN);
    private static final Set<Role> REVIEWERS = EnumSet.of(Role.REVIEWER, Role.ADMIN);
    private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

    public static final List<Rule> RULES = List.of(
            new Rule(ReviewState.NEW, ReviewAction.TAKE, ReviewState.IN_PROGRESS, EDITORS, Set.of()),
            new Rule(ReviewState.RETURNED, ReviewAction.TAKE, ReviewState.IN_PROGRESS, EDITORS, Set.of()),
            new Rule(ReviewState.IN_PROGRESS, ReviewAction.SUBMIT, ReviewState.IN_REVIEW, EDITORS,
                    EnumSet.of(Guard.ASSIGNEE, Guard.RATING_AND_EVIDENCE, Guard.NOTE)),
            new Rule(ReviewState.IN_REVIEW, ReviewAction.APPROVE, ReviewState.APPROVED, REVIEWERS,
                    EnumSet.of(Guard.NOT_SUBMITTER)),
            new Rule(ReviewState.IN_REVIEW, ReviewAction.RETURN, ReviewState.RETURNED, REVIEWERS,
                    EnumSet.of(Guard.NOT_SUBMITTER, Guard.NOTE)),
            new Rule(ReviewState.NEW, ReviewAction.DISMISS, ReviewState.DISMISSED, EDITORS, EnumSet.of(Guard.NOTE)),
            new Rule(ReviewState.IN_PROGRESS, ReviewAction.DISMISS, ReviewState.DISMISSED, EDITORS, EnumSet.of(Guard.NOTE)),
            new Rule(ReviewState.DISMISSED, ReviewAction.RESTORE, ReviewState.NEW, EDITORS, Set.of()),
            new Rule(ReviewState.APPROVED, ReviewAction.REOPEN, ReviewState.IN_PROGRESS, ADMINS, EnumSet.of(Guard.NOTE)));

    private ReviewWorkflow() {
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
        if (rule.guards().contains(Guard.NOT_SUBMITTER) && attempt.submitterId() != null
                && attempt.submitterId() == attempt.actorId()) {
            return new Decision(null, Problem.FORBIDDEN, "You submitted this claim; a second person must review it.");
        }
        if (rule.guards().contains(Guard.ASSIGNEE) && attempt.assigneeId() != null && attempt.assigneeId() != attempt.actorId()
                && !attempt.roles().contains(Role.ADMIN)) {
            return new Decision(null, Problem.FORBIDDEN, "Another editor is working on this claim.");
        }
        if (rule.guards().contains(Guard.RATING_AND_EVIDENCE)) {
            if (!attempt.hasRating()) {
                return new Decision(null, Problem.INVALID, "Choose a rating.");
            }
            if (!attempt.hasEvidence() && !attempt.noSourceFound()) {
                return new Decision(null, Problem.INVALID, "Attach at least one piece of evidence, or state that no source was found.");
            }
        }
        if (rule.guards().contains(Guard.NOTE) && !attempt.hasNote()) {
            return new Decision(null, Problem.INVALID, switch (attempt.action()) {
                case SUBMIT -> "Explain the rating (the rationale).";
                case RETURN -> "Tell the editor what to fix.";
                case DISMISS -> "Say why the claim is not worth checking.";
                case REOPEN -> "Say why the approved claim is reopened.";
                default -> "Add a note.";
            });
        }
        return new Decision(rule.to(), null, null);
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

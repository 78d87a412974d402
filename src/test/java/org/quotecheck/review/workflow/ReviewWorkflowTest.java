package org.quotecheck.review.workflow;

import org.junit.jupiter.api.Test;
import org.quotecheck.review.workflow.ReviewWorkflow.Attempt;
import org.quotecheck.review.workflow.ReviewWorkflow.Decision;
import org.quotecheck.review.workflow.ReviewWorkflow.Problem;
import org.quotecheck.review.workflow.ReviewWorkflow.Role;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every state × action × role combination, against the table written out here independently of the code. */
class ReviewWorkflowTest {

    private static final long ME = 1;
    private static final long SOMEONE_ELSE = 2;

    /** The expected table: (from, action) → to, and who may do it. */
    private static final Map<String, Object[]> EXPECTED = Map.of(
            "NEW TAKE", new Object[] {ReviewState.IN_PROGRESS, EnumSet.of(Role.EDITOR, Role.ADMIN)},
            "RETURNED TAKE", new Object[] {ReviewState.IN_PROGRESS, EnumSet.of(Role.EDITOR, Role.ADMIN)},
            "IN_PROGRESS SUBMIT", new Object[] {ReviewState.IN_REVIEW, EnumSet.of(Role.EDITOR, Role.ADMIN)},
            "IN_REVIEW APPROVE", new Object[] {ReviewState.APPROVED, EnumSet.of(Role.REVIEWER, Role.ADMIN)},
            "IN_REVIEW RETURN", new Object[] {ReviewState.RETURNED, EnumSet.of(Role.REVIEWER, Role.ADMIN)},
            "NEW DISMISS", new Object[] {ReviewState.DISMISSED, EnumSet.of(Role.EDITOR, Role.ADMIN)},
            "IN_PROGRESS DISMISS", new Object[] {ReviewState.DISMISSED, EnumSet.of(Role.EDITOR, Role.ADMIN)},
            "DISMISSED RESTORE", new Object[] {ReviewState.NEW, EnumSet.of(Role.EDITOR, Role.ADMIN)},
            "APPROVED REOPEN", new Object[] {ReviewState.IN_PROGRESS, EnumSet.of(Role.ADMIN)});

    private static Attempt complete(ReviewAction action, Set<Role> roles) {
        // Everything a guard could ask for is present, and someone else submitted the claim.
        return new Attempt(action, roles, ME, SOMEONE_ELSE, ME, true, true, true, false);
    }

    @Test
    void everyCombinationOfStateActionAndRole() {
        List<String> checked = new ArrayList<>();
        for (ReviewState from : ReviewState.values()) {
            for (ReviewAction action : ReviewAction.values()) {
                for (Role role : Role.values()) {
                    Decision decision = ReviewWorkflow.decide(from, complete(action, EnumSet.of(role)));
                    Object[] expected = EXPECTED.get(from + " " + action);
                    if (expected == null) {
                        assertThat(decision.problem()).as(from + " " + action + " " + role).isEqualTo(Problem.CONFLICT);
                    } else if (((Set<?>) expected[1]).contains(role)) {
                        assertThat(decision.allowed()).as(from + " " + action + " " + role).isTrue();
                        assertThat(decision.to()).isEqualTo(expected[0]);
                    } else {
                        assertThat(decision.problem()).as(from + " " + action + " " + role).isEqualTo(Problem.FORBIDDEN);
                    }
                    checked.add(from + action.name() + role);
                }
            }
        }
        assertThat(checked).hasSize(ReviewState.values().length * ReviewAction.values().length * Role.values().length);
    }

    @Test
    void fourEyesRuleHoldsWhateverRolesTheSubmitterHas() {
        Set<Role> everything = EnumSet.allOf(Role.class);
        for (ReviewAction action : List.of(ReviewAction.APPROVE, ReviewAction.RETURN)) {
            Decision own = ReviewWorkflow.decide(ReviewState.IN_REVIEW,
                    new Attempt(action, everything, ME, ME, ME, true, true, true, false));
            assertThat(own.problem()).isEqualTo(Problem.FORBIDDEN);
            assertThat(own.reason()).contains("second person");
        }
    }

    @Test
    void submitNeedsRatingRationaleAndEvidenceOrNoSourceNote() {
        Set<Role> editor = EnumSet.of(Role.EDITOR);
        assertThat(ReviewWorkflow.decide(ReviewState.IN_PROGRESS,
                new Attempt(ReviewAction.SUBMIT, editor, ME, null, ME, false, true, true, false)).problem()).isEqualTo(Problem.INVALID);
        assertThat(ReviewWorkflow.decide(ReviewState.IN_PROGRESS,
                new Attempt(ReviewAction.SUBMIT, editor, ME, null, ME, true, false, true, false)).problem()).isEqualTo(Problem.INVALID);
        assertThat(ReviewWorkflow.decide(ReviewState.IN_PROGRESS,
                new Attempt(ReviewAction.SUBMIT, editor, ME, null, ME, true, true, false, false)).problem()).isEqualTo(Problem.INVALID);
        assertThat(ReviewWorkflow.decide(ReviewState.IN_PROGRESS,
                new Attempt(ReviewAction.SUBMIT, editor, ME, null, ME, true, true, false, true)).to()).isEqualTo(ReviewState.IN_REVIEW);
        assertThat(ReviewWorkflow.decide(ReviewState.IN_PROGRESS,
                new Attempt(ReviewAction.SUBMIT, editor, ME, null, SOMEONE_ELSE, true, true, true, false)).problem()).isEqualTo(Problem.FORBIDDEN);
    }

    @Test
    void notesAreRequiredToReturnDismissAndReopen() {
        for (Object[] c : new Object[][] {{ReviewState.IN_REVIEW, ReviewAction.RETURN, Role.REVIEWER},
                {ReviewState.NEW, ReviewAction.DISMISS, Role.EDITOR}, {ReviewState.APPROVED, ReviewAction.REOPEN, Role.ADMIN}}) {
            Decision decision = ReviewWorkflow.decide((ReviewState) c[0],
                    new Attempt((ReviewAction) c[1], EnumSet.of((Role) c[2]), ME, SOMEONE_ELSE, ME, true, false, true, false));
            assertThat(decision.problem()).as(c[1].toString()).isEqualTo(Problem.INVALID);
        }
    }

    @Test
    void offeredActionsFollowTheTable() {
        assertThat(ReviewWorkflow.offered(ReviewState.IN_REVIEW, EnumSet.of(Role.EDITOR))).isEmpty();
        assertThat(ReviewWorkflow.offered(ReviewState.IN_REVIEW, EnumSet.of(Role.REVIEWER)))
                .containsExactly(ReviewAction.APPROVE, ReviewAction.RETURN);
        assertThat(ReviewWorkflow.offered(ReviewState.APPROVED, EnumSet.of(Role.EDITOR, Role.REVIEWER))).isEmpty();
    }
}

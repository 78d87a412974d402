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
        return new Attempt(action, roles, ME, Set.of(SOMEONE_ELSE), ME, Rating.ACCURATE, true, true, false, null, false);
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
                    new Attempt(action, everything, ME, Set.of(ME), ME, Rating.ACCURATE, true, true, false, null, false));
            assertThat(own.problem()).isEqualTo(Problem.FORBIDDEN);
            assertThat(own.reason()).contains("second person");
        }
    }

    @Test
    void whoeverSubmittedInAnyEarlierRoundNeverApprovesOrReturns() {
        // Round one: I submitted, it came back; round two: someone else submitted it unchanged.
        Set<Long> bothRounds = Set.of(ME, SOMEONE_ELSE);
        for (ReviewAction action : List.of(ReviewAction.APPROVE, ReviewAction.RETURN)) {
            Decision decision = ReviewWorkflow.decide(ReviewState.IN_REVIEW,
                    new Attempt(action, EnumSet.allOf(Role.class), ME, bothRounds, SOMEONE_ELSE, Rating.ACCURATE, true, true, false, null, false));
            assertThat(decision.problem()).as(action.name()).isEqualTo(Problem.FORBIDDEN);
            assertThat(decision.reason()).contains("earlier review round");
        }
        long third = 3;
        assertThat(ReviewWorkflow.decide(ReviewState.IN_REVIEW, new Attempt(ReviewAction.APPROVE, EnumSet.of(Role.REVIEWER),
                third, bothRounds, SOMEONE_ELSE, null, false, false, false, null, false)).to()).isEqualTo(ReviewState.APPROVED);
    }

    @Test
    void onlyTheAssigneeOrAnAdministratorDismissesAClaimInProgress() {
        Attempt byOtherEditor = new Attempt(ReviewAction.DISMISS, EnumSet.of(Role.EDITOR), ME, Set.of(), SOMEONE_ELSE,
                null, true, false, false, null, false);
        assertThat(ReviewWorkflow.decide(ReviewState.IN_PROGRESS, byOtherEditor).problem()).isEqualTo(Problem.FORBIDDEN);
        Attempt byAdmin = new Attempt(ReviewAction.DISMISS, EnumSet.of(Role.ADMIN), ME, Set.of(), SOMEONE_ELSE,
                null, true, false, false, null, false);
        assertThat(ReviewWorkflow.decide(ReviewState.IN_PROGRESS, byAdmin).to()).isEqualTo(ReviewState.DISMISSED);
        // A new claim belongs to nobody yet.
        assertThat(ReviewWorkflow.decide(ReviewState.NEW, new Attempt(ReviewAction.DISMISS, EnumSet.of(Role.EDITOR), ME,
                Set.of(), null, null, true, false, false, null, false)).to()).isEqualTo(ReviewState.DISMISSED);
    }

    @Test
    void contentChangesFollowTheChangeTable() {
        Set<Role> editor = EnumSet.of(Role.EDITOR);
        for (ReviewWorkflow.Change change : ReviewWorkflow.Change.values()) {
            // Nobody holds a new claim; the holder of one in progress or returned; never one in review or approved.
            assertThat(ReviewWorkflow.mayChange(ReviewState.NEW, change, editor, ME, null).allowed()).isTrue();
            for (ReviewState held : List.of(ReviewState.IN_PROGRESS, ReviewState.RETURNED)) {
                assertThat(ReviewWorkflow.mayChange(held, change, editor, ME, ME).allowed()).isTrue();
                assertThat(ReviewWorkflow.mayChange(held, change, editor, ME, SOMEONE_ELSE).problem())
                        .as(held + " " + change + " by another editor").isEqualTo(Problem.FORBIDDEN);
                assertThat(ReviewWorkflow.mayChange(held, change, EnumSet.of(Role.ADMIN), ME, SOMEONE_ELSE).allowed()).isTrue();
                assertThat(ReviewWorkflow.mayChange(held, change, EnumSet.of(Role.REVIEWER), ME, ME).problem())
                        .isEqualTo(Problem.FORBIDDEN);
            }
            for (ReviewState frozen : List.of(ReviewState.IN_REVIEW, ReviewState.APPROVED)) {
                assertThat(ReviewWorkflow.mayChange(frozen, change, EnumSet.allOf(Role.class), ME, ME).problem())
                        .isEqualTo(Problem.CONFLICT);
            }
        }
        assertThat(ReviewWorkflow.mayChange(ReviewState.DISMISSED, ReviewWorkflow.Change.EDIT, editor, ME, null).allowed()).isTrue();
        assertThat(ReviewWorkflow.mayChange(ReviewState.DISMISSED, ReviewWorkflow.Change.ADD_EVIDENCE, editor, ME, null).problem())
                .isEqualTo(Problem.CONFLICT);
    }

    @Test
    void submitNeedsRatingRationaleAndEvidenceOrNoSourceNote() {
        Set<Role> editor = EnumSet.of(Role.EDITOR);
        assertThat(ReviewWorkflow.decide(ReviewState.IN_PROGRESS,
                new Attempt(ReviewAction.SUBMIT, editor, ME, null, ME, null, true, true, false, null, false)).problem()).isEqualTo(Problem.INVALID);
        assertThat(ReviewWorkflow.decide(ReviewState.IN_PROGRESS,
                new Attempt(ReviewAction.SUBMIT, editor, ME, null, ME, Rating.ACCURATE, false, true, false, null, false)).problem()).isEqualTo(Problem.INVALID);
        assertThat(ReviewWorkflow.decide(ReviewState.IN_PROGRESS,
                new Attempt(ReviewAction.SUBMIT, editor, ME, null, ME, Rating.ACCURATE, true, false, false, null, false)).problem()).isEqualTo(Problem.INVALID);
        assertThat(ReviewWorkflow.decide(ReviewState.IN_PROGRESS,
                new Attempt(ReviewAction.SUBMIT, editor, ME, null, ME, Rating.UNVERIFIABLE, true, false, true, null, false)).to()).isEqualTo(ReviewState.IN_REVIEW);
        assertThat(ReviewWorkflow.decide(ReviewState.IN_PROGRESS,
                new Attempt(ReviewAction.SUBMIT, editor, ME, null, SOMEONE_ELSE, Rating.ACCURATE, true, true, false, null, false)).problem()).isEqualTo(Problem.FORBIDDEN);
    }

    @Test
    void noSourceFoundAllowsOnlyUnverifiable() {
        Set<Role> editor = EnumSet.of(Role.EDITOR);
        for (Rating rating : Rating.values()) {
            Decision decision = ReviewWorkflow.decide(ReviewState.IN_PROGRESS,
                    new Attempt(ReviewAction.SUBMIT, editor, ME, null, ME, rating, true, false, true, null, false));
            if (rating == Rating.UNVERIFIABLE) {
                assertThat(decision.to()).isEqualTo(ReviewState.IN_REVIEW);
            } else {
                assertThat(decision.problem()).as(rating.name()).isEqualTo(Problem.INVALID);
                assertThat(decision.reason()).contains("only possible rating is Unverifiable");
            }
        }
    }

    @Test
    void aRatingTheEvidenceDoesNotSupportNeedsAConfirmation() {
        Set<Role> editor = EnumSet.of(Role.EDITOR);
        for (String evidence : List.of("VERBATIM", "MINOR_DIFFERENCES", "PARAPHRASE", "ALTERED", "NOT_FOUND")) {
            for (Rating rating : Rating.values()) {
                boolean unsupported = (rating == Rating.ACCURATE || rating == Rating.MOSTLY_ACCURATE)
                        && (evidence.equals("ALTERED") || evidence.equals("NOT_FOUND"));
                Decision unconfirmed = ReviewWorkflow.decide(ReviewState.IN_PROGRESS,
                        new Attempt(ReviewAction.SUBMIT, editor, ME, null, ME, rating, true, true, false, evidence, false));
                Decision confirmed = ReviewWorkflow.decide(ReviewState.IN_PROGRESS,
                        new Attempt(ReviewAction.SUBMIT, editor, ME, null, ME, rating, true, true, false, evidence, true));
                assertThat(unconfirmed.allowed()).as(rating + " on " + evidence).isEqualTo(!unsupported);
                assertThat(confirmed.allowed()).as(rating + " confirmed on " + evidence).isTrue();
                assertThat(ReviewWorkflow.reviewerWarning(rating.name(), evidence) != null).isEqualTo(unsupported);
                if (unsupported) {
                    assertThat(unconfirmed.problem()).isEqualTo(Problem.INVALID);
                    assertThat(unconfirmed.reason()).contains(rating.label()).contains("Confirm");
                }
            }
        }
        assertThat(ReviewWorkflow.reviewerWarning(null, "ALTERED")).isNull();
        assertThat(ReviewWorkflow.reviewerWarning("ACCURATE", null)).isNull();
    }

    @Test
    void notesAreRequiredToReturnDismissAndReopen() {
        for (Object[] c : new Object[][] {{ReviewState.IN_REVIEW, ReviewAction.RETURN, Role.REVIEWER},
                {ReviewState.NEW, ReviewAction.DISMISS, Role.EDITOR}, {ReviewState.APPROVED, ReviewAction.REOPEN, Role.ADMIN}}) {
            Decision decision = ReviewWorkflow.decide((ReviewState) c[0],
                    new Attempt((ReviewAction) c[1], EnumSet.of((Role) c[2]), ME, Set.of(SOMEONE_ELSE), ME, Rating.ACCURATE, false, true, false, null, false));
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

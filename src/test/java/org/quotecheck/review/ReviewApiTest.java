package org.quotecheck.review;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.quotecheck.review.ReviewFixture.act;

@QuarkusTest
class ReviewApiTest {

    @Inject
    TestUsers users;

    @Inject
    EntityManager entityManager;

    @Test
    void editorSubmitsWithEvidenceAndASecondPersonApproves() {
        TestUser editor = users.editor();
        TestUser reviewer = users.reviewer();
        int claim = ReviewFixture.newClaim(editor, "The bridge opens in May.");
        act(editor, claim, "TAKE", null, null, null).then().statusCode(200).body("state", equalTo("IN_PROGRESS"))
                .body("assignee", equalTo(editor.username()));
        act(editor, claim, "SUBMIT", "ACCURATE", "Matches the transcript.", null).then().statusCode(422)
                .body("errors[0].field", equalTo("evidence"));
        int source = editor.api().contentType(ContentType.JSON)
                .body(Map.of("title", "Council transcript", "type", "TRANSCRIPT", "text", "WHITFIELD: The bridge opens in May."))
                .post("/api/sources").then().statusCode(201).extract().path("id");
        int evidence = editor.api().contentType(ContentType.JSON).body(Map.of("sourceId", source))
                .post("/api/claims/" + claim + "/evidence").then().statusCode(201).extract().path("id");
        act(editor, claim, "SUBMIT", null, "Matches the transcript.", null).then().statusCode(422).body("errors[0].field", equalTo("rating"));
        act(editor, claim, "SUBMIT", "ACCURATE", "Matches the transcript.", null).then().statusCode(200)
                .body("state", equalTo("IN_REVIEW")).body("rating", equalTo("ACCURATE")).body("submittedBy", equalTo(editor.username()));

        act(editor, claim, "APPROVE", null, null, null).then().statusCode(403);
        act(reviewer, claim, "APPROVE", null, null, null).then().statusCode(200).body("state", equalTo("APPROVED"))
                .body("decidedBy", equalTo(reviewer.username()));

        reviewer.api().get("/api/claims/" + claim).then().body("history", hasSize(4))
                .body("history.kind", equalTo(List.of("TRANSITION", "EVIDENCE", "TRANSITION", "TRANSITION")))
                .body("history.action", equalTo(java.util.Arrays.asList("TAKE", null, "SUBMIT", "APPROVE")))
                .body("history[1].evidenceIds", equalTo(List.of(evidence)))
                .body("history[2].rating", equalTo("ACCURATE")).body("history[2].evidenceIds", equalTo(List.of(evidence)))
                .body("history[3].actor", equalTo(reviewer.username()));
    }

    @Test
    void theRatingMustAgreeWithTheEvidence() {
        TestUser editor = users.editor();
        TestUser reviewer = users.reviewer();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        int claim = ReviewFixture.newClaim(editor, "The bridge " + tag + " opens in May.");
        act(editor, claim, "TAKE", null, null, null).then().statusCode(200);
        // Everything missing is reported at once, each with its field, in people's words.
        act(editor, claim, "SUBMIT", null, null, null).then().statusCode(422)
                .body("errors.field", equalTo(List.of("rating", "evidence", "note")))
                .body("detail", containsString("Rating: Choose a rating.")).body("detail", containsString("Note: Explain the rating"));
        // "No source found" allows only Unverifiable.
        act(editor, claim, "SUBMIT", "ACCURATE", "Confirmed by phone.", true).then().statusCode(422)
                .body("errors[0].field", equalTo("rating")).body("detail", containsString("only possible rating is Unverifiable"));
        int source = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Council transcript " + tag,
                "type", "TRANSCRIPT", "text", "WHITFIELD: The bridge " + tag + " opens in June.")).post("/api/sources")
                .then().statusCode(201).extract().path("id");
        editor.api().contentType(ContentType.JSON).body(Map.of("sourceId", source)).post("/api/claims/" + claim + "/evidence")
                .then().statusCode(201).body("classification", equalTo("ALTERED"));
        // Accurate against altered evidence needs an explicit confirmation; a rating that fits does not.
        int before = ReviewFixture.version(editor, claim);
        act(editor, claim, "SUBMIT", "MOSTLY_ACCURATE", "Close enough.", null).then().statusCode(422)
                .body("errors[0].field", equalTo("confirmed")).body("detail", containsString("Mostly accurate"));
        assertThat(ReviewFixture.version(editor, claim)).as("nothing changed").isEqualTo(before);
        Map<String, Object> confirmed = new java.util.HashMap<>(Map.of("action", "SUBMIT", "rating", "MOSTLY_ACCURATE",
                "note", "The transcript has a transcription error; the video says May.", "confirmed", true));
        confirmed.put("version", ReviewFixture.version(editor, claim));
        editor.api().contentType(ContentType.JSON).body(confirmed).post("/api/claims/" + claim + "/transitions")
                .then().statusCode(200).body("state", equalTo("IN_REVIEW"));
        // The reviewer is warned in the queue row and on the claim page.
        var session = reviewer.signIn();
        String queue = session.get("/review?editor=" + editor.username()).then().statusCode(200).extract().asString();
        assertThat(queue).contains("The rating disagrees with the evidence").contains("Rated Mostly accurate, but the latest evidence found the claim altered");
        assertThat(session.get("/claims/" + claim).asString()).contains("The rating disagrees with the evidence");

        int fitting = ReviewFixture.newClaim(editor, "The tunnel " + tag + " opens in May.");
        act(editor, fitting, "TAKE", null, null, null).then().statusCode(200);
        int other = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Tunnel " + tag, "type", "TRANSCRIPT",
                "text", "WHITFIELD: The tunnel " + tag + " opens in June.")).post("/api/sources").then().statusCode(201).extract().path("id");
        editor.api().contentType(ContentType.JSON).body(Map.of("sourceId", other)).post("/api/claims/" + fitting + "/evidence")
                .then().statusCode(201);
        act(editor, fitting, "SUBMIT", "INACCURATE", "June, not May.", null).then().statusCode(200);
        assertThat(session.get("/claims/" + fitting).asString()).doesNotContain("The rating disagrees with the evidence");
    }

    @Test
    void savingEvidenceIsInTheHistoryAndAClaimWhoseWordsLeftCannotBeCheckedOrSubmitted() {
        TestUser editor = users.editor();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        int claim = ReviewFixture.newClaim(editor, "The pier " + tag + " opens in May.");
        int article = editor.api().get("/api/claims/" + claim).then().extract().path("articleId");
        act(editor, claim, "TAKE", null, null, null).then().statusCode(200);
        int source = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Pier notes " + tag, "type", "TRANSCRIPT",
                "text", "WHITFIELD: The pier " + tag + " opens in May.")).post("/api/sources").then().statusCode(201).extract().path("id");
        int evidence = editor.api().contentType(ContentType.JSON).body(Map.of("sourceId", source)).post("/api/claims/" + claim + "/evidence")
                .then().statusCode(201).extract().path("id");
        editor.api().get("/api/claims/" + claim + "/history").then().statusCode(200)
                .body("find { it.kind == 'EVIDENCE' }.evidenceIds[0]", equalTo(evidence))
                .body("find { it.kind == 'EVIDENCE' }.note", containsString("Pier notes " + tag));

        // The article is edited and the quote's words leave it.
        var page = editor.signIn();
        String form = page.get("/articles/" + article + "/edit").asString();
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(form);
        assertThat(version.find()).isTrue();
        page.postForm("/articles/" + article + "/edit", "/articles/" + article, Map.of("title", "Pier",
                "body", "Mayor Dana Whitfield spoke about the pier.", "version", version.group(1))).then().statusCode(303);
        editor.api().get("/api/claims/" + claim).then().body("textMissing", equalTo(true));
        editor.api().contentType(ContentType.JSON).body(Map.of("sourceId", source)).post("/api/claims/" + claim + "/evidence")
                .then().statusCode(409).body("detail", containsString("no longer in the article"));
        act(editor, claim, "SUBMIT", "ACCURATE", "Matches.", null).then().statusCode(409)
                .body("detail", containsString("no longer in the article"));
        String check = page.get("/articles/" + article + "/claims/" + claim + "/check?sourceId=" + source).asString();
        assertThat(check).contains("cannot be saved as evidence").contains("href=\"/claims/" + claim + "\"")
                .doesNotContain(">Save as evidence<");
        assertThat(page.get("/claims/" + claim).asString()).contains("cannot be checked or submitted until it is marked again");
    }

    @Test
    void fourEyesRuleBindsAdministratorsToo() {
        TestUser admin = users.admin();
        int claim = ReviewFixture.inReview(admin, "We will not raise taxes.");
        act(admin, claim, "APPROVE", null, null, null).then().statusCode(403).body("detail", containsString("second person"));
        act(admin, claim, "RETURN", null, "Check again", null).then().statusCode(403);
        act(users.admin(), claim, "APPROVE", null, null, null).then().statusCode(200);
    }

    @Test
    void rolesAreEnforcedPerAction() {
        TestUser editor = users.editor();
        TestUser reviewer = users.reviewer();
        int claim = ReviewFixture.newClaim(editor, "Traffic fell by a third.");
        act(reviewer, claim, "TAKE", null, null, null).then().statusCode(403);
        act(reviewer, claim, "DISMISS", null, "Opinion", null).then().statusCode(403);
        act(editor, claim, "APPROVE", null, null, null).then().statusCode(409);
        int inReview = ReviewFixture.inReview(editor, "Roads get $3 million.");
        act(users.editor(), inReview, "APPROVE", null, null, null).then().statusCode(403);
        act(reviewer, inReview, "RETURN", null, null, null).then().statusCode(422).body("errors[0].field", equalTo("note"));
        act(reviewer, inReview, "RETURN", null, "Find the transcript first.", null).then().statusCode(200)
                .body("state", equalTo("RETURNED")).body("note", equalTo("Find the transcript first."));
        act(editor, inReview, "TAKE", null, null, null).then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
        act(users.editor(), inReview, "SUBMIT", "ACCURATE", "Mine now", true).then().statusCode(403);
        act(editor, inReview, "BOGUS", null, null, null).then().statusCode(422).body("errors[0].field", equalTo("action"));
    }

    @Test
    void approvedClaimsAreFrozenUntilAnAdministratorReopensThem() {
        TestUser editor = users.editor();
        int claim = ReviewFixture.inReview(editor, "The council voted 7 to 2.");
        act(users.reviewer(), claim, "APPROVE", null, null, null).then().statusCode(200);
        int source = editor.api().contentType(ContentType.JSON)
                .body(Map.of("title", "Minutes", "type", "DOCUMENT", "text", "The council voted 7 to 2."))
                .post("/api/sources").then().statusCode(201).extract().path("id");
        editor.api().contentType(ContentType.JSON).body(Map.of("sourceId", source)).post("/api/claims/" + claim + "/evidence")
                .then().statusCode(409);
        editor.api().contentType(ContentType.JSON).body(Map.of("type", "STATEMENT", "version", ReviewFixture.version(editor, claim)))
                .put("/api/claims/" + claim).then().statusCode(409);
        act(users.reviewer(), claim, "REOPEN", null, "Correction", null).then().statusCode(403);
        act(users.admin(), claim, "REOPEN", null, null, null).then().statusCode(422);
        act(users.admin(), claim, "REOPEN", null, "Correction after publication: the vote was 6 to 3.", null).then().statusCode(200)
                .body("state", equalTo("IN_PROGRESS"));
    }

    @Test
    void staleVersionIs409AndChangesNothing() {
        TestUser editor = users.editor();
        int claim = ReviewFixture.newClaim(editor, "Nine firefighters will be hired.");
        editor.api().contentType(ContentType.JSON).body(Map.of("action", "TAKE", "version", 0))
                .post("/api/claims/" + claim + "/transitions").then().statusCode(200);
        editor.api().contentType(ContentType.JSON).body(Map.of("action", "DISMISS", "note", "x", "version", 0))
                .post("/api/claims/" + claim + "/transitions").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("changed since you opened it"));
        editor.api().get("/api/claims/" + claim).then().body("state", equalTo("IN_PROGRESS")).body("history", hasSize(1));
    }

    @Test
    void twentyParallelApprovalsOneSucceeds() throws Exception {
        TestUser editor = users.editor();
        int claim = ReviewFixture.inReview(editor, "Parallel " + UUID.randomUUID());
        int version = ReviewFixture.version(editor, claim);
        List<TestUser> reviewers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            reviewers.add(users.reviewer());
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (TestUser reviewer : reviewers) {
            Callable<Integer> approve = () -> {
                start.await();
                return reviewer.api().contentType(ContentType.JSON).body(Map.of("action", "APPROVE", "version", version))
                        .post("/api/claims/" + claim + "/transitions").statusCode();
            };
            answers.add(pool.submit(approve));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
        List<String> actions = editor.api().get("/api/claims/" + claim).then().extract().path("history.action");
        assertThat(actions).filteredOn("APPROVE"::equals).hasSize(1);
    }

    @Test
    void commentsJoinTheHistoryAsPlainText() {
        TestUser editor = users.editor();
        int claim = ReviewFixture.newClaim(editor, "We are ready.");
        editor.api().contentType(ContentType.JSON).body(Map.of("text", "<script>alert(1)</script> Called the office."))
                .post("/api/claims/" + claim + "/comments").then().statusCode(200).body("kind", equalTo("COMMENT"));
        editor.api().contentType(ContentType.JSON).body(Map.of("text", " ")).post("/api/claims/" + claim + "/comments")
                .then().statusCode(422);
        String page = editor.signIn().get("/claims/" + claim).asString();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; Called the office.").doesNotContain("<script>alert(1)");
    }

    @Test
    void auditEventsCannotBeChangedOrDeleted() {
        TestUser editor = users.editor();
        int claim = ReviewFixture.newClaim(editor, "Audit me.");
        act(editor, claim, "TAKE", null, null, null).then().statusCode(200);
        assertThatThrownBy(() -> tamper("update audit_event set note = 'rewritten' where claim_id = " + claim))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> tamper("delete from audit_event where claim_id = " + claim))
                .hasStackTraceContaining("permission denied");
        editor.api().get("/api/claims/" + claim).then().body("history", hasSize(1));
    }

    @Transactional
    void tamper(String sql) {
        entityManager.createNativeQuery(sql).executeUpdate();
    }

    @Test
    void queueIsOldestFirstWithKeysetPagesAndFilters() {
        TestUser editor = users.editor();
        TestUser reviewer = users.reviewer();
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(ReviewFixture.inReview(editor, "Queued " + i + " " + UUID.randomUUID()));
        }
        Response first = reviewer.api().queryParam("editor", editor.username()).queryParam("size", 2).get("/api/review-queue");
        first.then().statusCode(200).body("total", equalTo(3)).body("items.claim.id", equalTo(mine.subList(0, 2)));
        String next = first.path("next");
        reviewer.api().queryParam("editor", editor.username()).queryParam("size", 2).queryParam("after", next)
                .get("/api/review-queue").then().body("items.claim.id", equalTo(mine.subList(2, 3))).body("next", equalTo(null));
        reviewer.api().queryParam("after", "garbage").get("/api/review-queue").then().statusCode(422);
        editor.api().get("/api/review-queue").then().statusCode(403);
    }
}

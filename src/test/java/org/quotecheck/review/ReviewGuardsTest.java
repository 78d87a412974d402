package org.quotecheck.review;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.BrowserSession;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.quotecheck.review.ReviewFixture.act;

/** The four-eyes rule across review rounds, and the assignee guard on every change of a claim someone holds. */
@QuarkusTest
class ReviewGuardsTest {

    @Inject
    TestUsers users;

    @Test
    void whoeverSubmittedInAnEarlierRoundNeverApprovesOrReturns() {
        TestUser admin = users.admin();
        TestUser reviewer = users.reviewer();
        TestUser editor2 = users.editor();
        int claim = ReviewFixture.inReview(admin, "The ferry will run every hour.");
        act(reviewer, claim, "RETURN", null, "Find the timetable.", null).then().statusCode(200);
        act(editor2, claim, "TAKE", null, null, null).then().statusCode(200);
        act(editor2, claim, "SUBMIT", "UNVERIFIABLE", "No timetable published yet.", true).then().statusCode(200)
                .body("submittedBy", equalTo(editor2.username()));

        act(admin, claim, "APPROVE", null, null, null).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("earlier review round"));
        act(admin, claim, "RETURN", null, "Looks wrong", null).then().statusCode(403);
        admin.api().get("/api/claims/" + claim).then().body("state", equalTo("IN_REVIEW"));
        act(reviewer, claim, "APPROVE", null, null, null).then().statusCode(200).body("state", equalTo("APPROVED"));
    }

    @Test
    void anotherEditorCannotChangeDismissOrAddEvidenceToAClaimSomeoneHolds() {
        TestUser editor = users.editor();
        TestUser editor2 = users.editor();
        int claim = ReviewFixture.newClaim(editor, "Rents rose by 12 percent.");
        act(editor, claim, "TAKE", null, null, null).then().statusCode(200);
        int version = ReviewFixture.version(editor, claim);

        editor2.api().contentType(ContentType.JSON).body(Map.of("type", "DIRECT_QUOTE", "speaker", "Someone Else", "version", version))
                .put("/api/claims/" + claim).then().statusCode(403).body("detail", containsString("Another editor holds"));
        act(editor2, claim, "DISMISS", null, "Not worth it", null).then().statusCode(403);
        int source = editor2.api().contentType(ContentType.JSON)
                .body(Map.of("title", "Housing report", "type", "DOCUMENT", "text", "Rents rose by 12 percent last year."))
                .post("/api/sources").then().statusCode(201).extract().path("id");
        editor2.api().contentType(ContentType.JSON).body(Map.of("sourceId", source))
                .post("/api/claims/" + claim + "/evidence").then().statusCode(403);
        // Nothing changed: same version, same speaker, same state, no evidence.
        editor.api().get("/api/claims/" + claim).then().body("version", equalTo(version)).body("state", equalTo("IN_PROGRESS"))
                .body("assignee", equalTo(editor.username())).body("evidence.size()", equalTo(0));

        // The page form is refused the same way and shows why.
        BrowserSession page = editor2.signIn();
        int article = editor.api().get("/api/claims/" + claim).then().extract().path("articleId");
        String token = page.csrfToken("/articles/" + article);
        page.request().contentType(ContentType.URLENC).formParam("csrf-token", token).formParam("version", version)
                .formParam("action", "dismiss").formParam("note", "Duplicate")
                .post("/articles/" + article + "/claims/" + claim).then().statusCode(403)
                .body(containsString("Another editor holds"));

        // The holder and an administrator may.
        editor.api().contentType(ContentType.JSON).body(Map.of("type", "DIRECT_QUOTE", "speaker", "Dana Whitfield", "version", version))
                .put("/api/claims/" + claim).then().statusCode(200).body("speaker", equalTo("Dana Whitfield"));
        TestUser admin = users.admin();
        act(admin, claim, "DISMISS", null, "Duplicate of another claim", null).then().statusCode(200).body("state", equalTo("DISMISSED"));
    }

    @Test
    void aNewClaimBelongsToNobodyYet() {
        TestUser editor = users.editor();
        TestUser editor2 = users.editor();
        int claim = ReviewFixture.newClaim(editor, "Crime fell last year.");
        int version = ReviewFixture.version(editor, claim);
        editor2.api().contentType(ContentType.JSON).body(Map.of("type", "DIRECT_QUOTE", "speaker", "Dana Whitfield", "version", version))
                .put("/api/claims/" + claim).then().statusCode(200).body("assignee", nullValue());
    }
}

package org.quotecheck.review;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.BrowserSession;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ReviewPagesTest {

    @Inject
    TestUsers users;

    @Test
    void claimPageShowsTimelineAndOnlyTheActionsTheUserMayTake() {
        TestUser editor = users.editor();
        int claim = ReviewFixture.inReview(editor, "Timeline " + UUID.randomUUID());
        String editorPage = editor.signIn().get("/claims/" + claim).asString();
        assertThat(editorPage).contains("took the claim").contains("submitted it for review").contains("as unverifiable")
                .doesNotContain("value=\"APPROVE\"");
        String reviewerPage = users.reviewer().signIn().get("/claims/" + claim).asString();
        assertThat(reviewerPage).contains("value=\"APPROVE\"").contains("value=\"RETURN\"").doesNotContain("value=\"TAKE\"");
    }

    @Test
    void staleFormShowsWhatChangedAndKeepsTheNote() {
        TestUser editor = users.editor();
        int claim = ReviewFixture.inReview(editor, "Stale form " + UUID.randomUUID());
        BrowserSession first = users.reviewer().signIn();
        String token = first.csrfToken("/claims/" + claim);
        int seen = ReviewFixture.version(editor, claim);
        ReviewFixture.act(users.reviewer(), claim, "RETURN", null, "Someone was faster", null).then().statusCode(200);
        Response stale = first.request().contentType(ContentType.URLENC).formParam("csrf-token", token)
                .formParam("action", "RETURN").formParam("note", "My careful note").formParam("version", seen)
                .post("/claims/" + claim + "/transitions");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.asString()).contains("changed since you opened it").contains("returned it to the editor")
                .contains("Someone was faster");
    }

    @Test
    void queueApprovesInlineForHtmxAndWithAPlainFormOtherwise() {
        TestUser editor = users.editor();
        int one = ReviewFixture.inReview(editor, "Inline one " + UUID.randomUUID());
        int two = ReviewFixture.inReview(editor, "Inline two " + UUID.randomUUID());
        BrowserSession reviewer = users.reviewer().signIn();
        String queue = reviewer.get("/review?editor=" + editor.username()).asString();
        assertThat(queue).contains("Inline one").contains("Inline two").contains("hx-post=\"/review/claims/" + one + "\"");
        assertThat(queue.indexOf("Inline one")).isLessThan(queue.indexOf("Inline two"));
        String token = reviewer.csrfToken("/review");

        Response fragment = reviewer.request().header("HX-Request", "true").contentType(ContentType.URLENC)
                .formParam("csrf-token", token).formParam("action", "APPROVE")
                .formParam("version", ReviewFixture.version(editor, one)).post("/review/claims/" + one);
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.asString()).startsWith("<li").contains("Approved.").doesNotContain("<html");

        Response plain = reviewer.request().contentType(ContentType.URLENC).formParam("csrf-token", token)
                .formParam("action", "RETURN").formParam("note", "Need the recording")
                .formParam("back", "editor=" + editor.username()).formParam("version", ReviewFixture.version(editor, two))
                .post("/review/claims/" + two);
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(plain.header("Location")).contains("/review?editor=" + editor.username());
        editor.api().get("/api/claims/" + two).then().body("state", equalTo("RETURNED"));
        assertThat(editor.signIn().get("/my-work").asString()).contains("Need the recording");
    }

    @Test
    void bulkApprovalSaysWhichFailedAndWhy() {
        TestUser reviewerWhoEdits = users.admin();
        int own = ReviewFixture.inReview(reviewerWhoEdits, "Own work " + UUID.randomUUID());
        int other = ReviewFixture.inReview(users.editor(), "Other work " + UUID.randomUUID());
        BrowserSession session = reviewerWhoEdits.signIn();
        String token = session.csrfToken("/review");
        String page = session.request().contentType(ContentType.URLENC).formParam("csrf-token", token)
                .formParam("selected", own + ":" + ReviewFixture.version(reviewerWhoEdits, own))
                .formParam("selected", other + ":" + ReviewFixture.version(reviewerWhoEdits, other))
                .formParam("selected", "forged")
                .post("/review/bulk").then().statusCode(200).extract().asString();
        assertThat(page).contains("Not approved").contains("a second person must review it").contains("Approved")
                .contains("Not a valid selection");
        reviewerWhoEdits.api().get("/api/claims/" + other).then().body("state", equalTo("APPROVED"));
        reviewerWhoEdits.api().get("/api/claims/" + own).then().body("state", equalTo("IN_REVIEW"));
    }

    @Test
    void articlePageShowsProgressAndBadges() {
        TestUser editor = users.editor();
        int claim = ReviewFixture.inReview(editor, "Progress " + UUID.randomUUID());
        int article = editor.api().get("/api/claims/" + claim).then().extract().path("articleId");
        ReviewFixture.act(users.reviewer(), claim, "APPROVE", null, null, null).then().statusCode(200);
        String page = editor.signIn().get("/articles/" + article).asString();
        assertThat(page).contains("<strong>1 of 1</strong> approved").contains("Unverifiable").contains(">approved<");
    }

    @Test
    void myWorkPagesOnThroughManyNewClaimsAndBadgesReturnedOnes() {
        TestUser editor = users.editor();
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 150; i++) {
            body.append("Councillor Ana Ruiz said, “Ferry ").append(i).append(" sails at noon.”\n");
        }
        int article = editor.api().contentType(ContentType.JSON).body(java.util.Map.of("title", "Many", "body", body.toString()))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        int total = editor.api().get("/api/articles/" + article + "/claims").then().extract().path("size()");
        assertThat(total).isBetween(150, 300);
        BrowserSession page = editor.signIn();
        String first = page.get("/my-work").asString();
        assertThat(first).contains("New claims in my articles (" + total + ")").contains("Showing 1–100 of " + total)
                .contains("rel=\"next\"").doesNotContain("returned to you");
        String last = page.get("/my-work?page=" + ((total + 99) / 100)).asString();
        assertThat(last).contains("Showing " + ((total - 1) / 100 * 100 + 1) + "–" + total + " of " + total)
                .contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

        int claim = ReviewFixture.inReview(editor, "The dock opens " + UUID.randomUUID().toString().substring(0, 6) + ".");
        ReviewFixture.act(users.reviewer(), claim, "RETURN", null, "Find a recording.", null).then().statusCode(200);
        assertThat(page.get("/my-work").asString()).contains("aria-label=\"1 returned to you\"").contains("Find a recording.");
    }
}

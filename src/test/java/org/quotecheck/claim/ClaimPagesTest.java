package org.quotecheck.claim;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.BrowserSession;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ClaimPagesTest {

    private static final String BODY = "Council Member Ana Ruiz voted no. “The numbers don't add up,” Ruiz said.\n"
            + "The reserve will fall by 12 percent.";

    @Inject
    TestUsers users;

    @Test
    void articlePageMarksClaimsInTheTextAndListsThem() {
        TestUser editor = users.editor();
        int id = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Reserve", "body", BODY))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        String page = editor.signIn().get("/articles/" + id).asString();
        assertThat(page).contains("<mark class=\"c-direct-quote\"").contains("The numbers don&#39;t add up</mark>")
                .contains("class=\"c-statement\"").contains("Ana Ruiz").contains("Direct quote")
                .containsPattern("<span id=\"claim-\\d+\" class=\"anchor\">");
    }

    @Test
    void editorMarksAClaimByTypingItsWordsAndDismissesAndRestoresIt() {
        TestUser editor = users.editor();
        int id = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Typed", "body", BODY))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        BrowserSession session = editor.signIn();
        String token = session.csrfToken("/articles/" + id);
        Response added = session.request().contentType(ContentType.URLENC).formParam("csrf-token", token)
                .formParam("text", "voted no").formParam("type", "STATEMENT").formParam("speaker", "")
                .formParam("occurrence", "1").post("/articles/" + id + "/claims");
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.header("Location")).contains("#claim-");
        long claimId = Long.parseLong(added.header("Location").replaceAll(".*#claim-", ""));
        editor.api().get("/api/claims/" + claimId).then().body("text", equalTo("voted no")).body("origin", equalTo("MANUAL"));

        Response missingNote = session.request().contentType(ContentType.URLENC).formParam("csrf-token", token)
                .formParam("version", "0").formParam("action", "dismiss").formParam("note", " ")
                .post("/articles/" + id + "/claims/" + claimId);
        assertThat(missingNote.statusCode()).isEqualTo(422);
        assertThat(missingNote.asString()).contains("Say why the claim is not worth checking.");

        session.request().contentType(ContentType.URLENC).formParam("csrf-token", token).formParam("version", "0")
                .formParam("action", "dismiss").formParam("note", "Opinion, not a fact")
                .post("/articles/" + id + "/claims/" + claimId).then().statusCode(303);
        editor.api().get("/api/claims/" + claimId).then().body("state", equalTo("DISMISSED")).body("note", equalTo("Opinion, not a fact"));

        Response stale = session.request().contentType(ContentType.URLENC).formParam("csrf-token", token)
                .formParam("version", "0").formParam("action", "restore").post("/articles/" + id + "/claims/" + claimId);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.asString()).contains("This claim changed since you opened it");

        session.request().contentType(ContentType.URLENC).formParam("csrf-token", token).formParam("version", "1")
                .formParam("action", "restore").post("/articles/" + id + "/claims/" + claimId).then().statusCode(303);
        editor.api().get("/api/claims/" + claimId).then().body("state", equalTo("NEW"));
    }

    @Test
    void wordsNotInTheArticleReRenderThePageWithTheMessageAndTheInput() {
        TestUser editor = users.editor();
        int id = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Typo", "body", BODY))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        BrowserSession session = editor.signIn();
        String token = session.csrfToken("/articles/" + id);
        Response response = session.request().contentType(ContentType.URLENC).formParam("csrf-token", token)
                .formParam("text", "words <b>never</b> written").formParam("type", "STATEMENT")
                .post("/articles/" + id + "/claims");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.asString()).contains("These words are not in the article.")
                .contains("words &lt;b&gt;never&lt;/b&gt; written");
    }

    @Test
    void reviewersSeeClaimsButCannotChangeThem() {
        TestUser editor = users.editor();
        int id = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Read only", "body", BODY))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        BrowserSession reviewer = users.reviewer().signIn();
        String page = reviewer.get("/articles/" + id).asString();
        assertThat(page).contains("Ana Ruiz").doesNotContain("Mark a claim").doesNotContain("name=\"action\"");
        String token = reviewer.csrfToken("/articles/" + id);
        reviewer.request().contentType(ContentType.URLENC).formParam("csrf-token", token).formParam("text", "voted no")
                .formParam("type", "STATEMENT").post("/articles/" + id + "/claims").then().statusCode(403);
    }
}

package org.quotecheck.library;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.Library;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Earlier verdicts and corrected sources: a claim that says the same as an approved claim of another article shows
 * that verdict (the same words, or the same statement in other words, never a changed fact); evidence on a source
 * that was corrected since is flagged on the API, the claim page, the queue and the report, and re-checked in one step.
 */
@QuarkusTest
class EarlierVerdictsTest {

    @Inject
    TestUsers users;

    private static int article(TestUser editor, String title, String body) {
        return editor.api().contentType(ContentType.JSON).body(Map.of("title", title, "body", body))
                .post("/api/articles").then().statusCode(201).extract().path("id");
    }

    private static int claim(TestUser editor, int article, String text, String type, String speaker) {
        Map<String, Object> body = new HashMap<>(Map.of("text", text, "type", type));
        if (speaker != null) {
            body.put("speaker", speaker);
        }
        return editor.api().contentType(ContentType.JSON).body(body)
                .post("/api/articles/" + article + "/claims").then().statusCode(201).extract().path("id");
    }

    private static void act(TestUser user, int claim, Map<String, Object> body) {
        Map<String, Object> request = new HashMap<>(body);
        request.put("version", user.api().get("/api/claims/" + claim).then().extract().path("version"));
        user.api().contentType(ContentType.JSON).body(request).post("/api/claims/" + claim + "/transitions").then().statusCode(200);
    }

    private static void evidence(TestUser editor, int claim, int source) {
        editor.api().contentType(ContentType.JSON).body(Map.of("sourceId", source)).post("/api/claims/" + claim + "/evidence")
                .then().statusCode(201);
    }

    /** Taken, checked against {@code source}, submitted as accurate and approved. */
    private static void approve(TestUser editor, TestUser reviewer, int claim, int source) {
        act(editor, claim, Map.of("action", "TAKE"));
        evidence(editor, claim, source);
        act(editor, claim, Map.of("action", "SUBMIT", "rating", "ACCURATE", "note", "Word for word in the transcript."));
        act(reviewer, claim, Map.of("action", "APPROVE"));
    }

    private static void searched(TestUser user, int claim) {
        Library.await(user, "/api/claims/" + claim + "/suggestions", j -> "DONE".equals(j.getString("state")));
    }

    private static void ready(TestUser user, int source) {
        Library.await(user, "/api/sources/" + source, j -> "READY".equals(j.getString("semantic.state")));
    }

    @Test
    void aClaimThatSaysTheSameAsAnApprovedOneShowsItsVerdict() {
        TestUser editor = users.editor();
        TestUser reviewer = users.reviewer();
        String town = Library.name();
        int source = Library.source(editor, town + " transcript", Library.story(town, 45, 2027, "not"));
        ready(editor, source);
        String quote = "the " + town + " bridge would cost 45 million euros and open in 2027";
        int first = article(editor, town + " first report", "Mayor Elena Marchetti said " + quote + ".");
        int checked = claim(editor, first, quote, "DIRECT_QUOTE", "Elena Marchetti");
        approve(editor, reviewer, checked, source);

        String sameWords = "The " + town + " bridge would cost 45 million euros, and open in 2027";
        String otherWords = "The new " + town + " bridge will open in 2027 and cost 45 million euros";
        String otherNumber = "The new " + town + " bridge will open in 2027 and cost 60 million euros";
        int second = article(editor, town + " follow-up", "Marchetti: \u201c" + sameWords + ".\u201d " + otherWords + ". "
                + otherNumber + ".");
        int same = claim(editor, second, sameWords, "DIRECT_QUOTE", "Marchetti");
        int paraphrase = claim(editor, second, otherWords, "STATEMENT", null);
        int changed = claim(editor, second, otherNumber, "STATEMENT", null);
        for (int c : List.of(checked, same, paraphrase, changed)) {
            searched(editor, c);
        }

        JsonPath related = editor.api().get("/api/claims/" + same + "/related").then().statusCode(200).extract().jsonPath();
        assertThat(related.getInt("items[0].claim.id")).isEqualTo(checked);
        assertThat(related.getString("items[0].articleTitle")).isEqualTo(town + " first report");
        assertThat(related.getString("items[0].rating")).isEqualTo("ACCURATE");
        assertThat(related.getString("items[0].state")).isEqualTo("APPROVED");
        assertThat(related.getString("items[0].decidedBy")).isEqualTo(reviewer.username());
        assertThat(related.getDouble("items[0].similarity")).isGreaterThan(0.9);
        assertThat(related.getInt("items[0].articleId")).isEqualTo(first);

        JsonPath byMeaning = editor.api().get("/api/claims/" + paraphrase + "/related").then().extract().jsonPath();
        assertThat(byMeaning.getList("items.claim.id", Integer.class)).contains(checked);
        assertThat(byMeaning.getBoolean("items.find { it.claim.id == " + checked + " }.sameWords")).isFalse();

        JsonPath notTheSame = editor.api().get("/api/claims/" + changed + "/related").then().extract().jsonPath();
        assertThat(notTheSame.getList("items.claim.id", Integer.class)).doesNotContain(checked);

        // Information only: the new claims keep their own state and have no rating.
        assertThat(editor.api().get("/api/claims/" + same).then().extract().<String>path("state")).isEqualTo("NEW");
        assertThat(editor.api().get("/api/claims/" + same).then().extract().<String>path("rating")).isNull();
        // And the pages say so.
        String page = editor.api().get("/claims/" + same).then().statusCode(200).extract().asString();
        assertThat(page).contains("Checked before").contains("approved").contains(town + " first report");
        String articlePage = editor.api().get("/articles/" + second).then().statusCode(200).extract().asString();
        assertThat(articlePage).contains("Checked before:").contains("/claims/" + checked);
    }

    @Test
    void aCorrectedSourceFlagsTheEvidenceCheckedAgainstTheOldTextUntilItIsRechecked() {
        TestUser editor = users.editor();
        TestUser reviewer = users.reviewer();
        String town = Library.name();
        int source = Library.source(editor, town + " readout", Library.story(town, 45, 2027, "not"));
        ready(editor, source);
        String quote = "the " + town + " bridge would cost 45 million euros";
        int article = article(editor, town + " correction", "The mayor said " + quote + ". She said " + quote + " again.");
        int inReview = claim(editor, article, quote, "DIRECT_QUOTE", null);
        act(editor, inReview, Map.of("action", "TAKE"));
        evidence(editor, inReview, source);
        act(editor, inReview, Map.of("action", "SUBMIT", "rating", "ACCURATE", "note", "In the readout."));
        int approved = claim(editor, article, "She said " + quote + " again", "STATEMENT", null);
        approve(editor, reviewer, approved, source);
        int open = claim(editor, article, "The mayor said " + quote, "STATEMENT", null);
        evidence(editor, open, source);

        editor.api().contentType(ContentType.JSON).body(Map.of("text", Library.story(town, 48, 2027, "not")))
                .post("/api/sources/" + source + "/versions").then().statusCode(201);

        JsonPath flagged = editor.api().get("/api/claims/" + open).then().extract().jsonPath();
        assertThat(flagged.getBoolean("evidence[0].sourceCorrected")).isTrue();
        assertThat(flagged.getInt("evidence[0].latestVersion")).isEqualTo(2);
        assertThat(flagged.getInt("evidence[0].sourceVersion")).isEqualTo(1);
        assertThat(editor.api().get("/claims/" + open).then().extract().asString())
                .contains("The source was corrected after this check").contains("Re-check against version 2");
        assertThat(editor.api().get("/articles/" + article).then().extract().asString())
                .contains("The source was corrected after this check");
        assertThat(reviewer.api().get("/review?articleId=" + article).then().statusCode(200).extract().asString())
                .contains("The source was corrected after this check");
        assertThat(reviewer.api().get("/api/reports/verified-claims?format=json&articleId=" + article).then().statusCode(200)
                .extract().jsonPath().getBoolean("claims.find { it.id == " + approved + " }.sourceCorrected")).isTrue();
        assertThat(reviewer.api().get("/reports?articleId=" + article).then().statusCode(200).extract().asString())
                .contains("The source was corrected after this check");

        // One step: re-checked against version 2, the claim is current again and the earlier evidence says why.
        evidence(editor, open, source);
        JsonPath rechecked = editor.api().get("/api/claims/" + open).then().extract().jsonPath();
        assertThat(rechecked.getList("evidence")).hasSize(2);
        assertThat(rechecked.getBoolean("evidence[0].recheckedAfterCorrection")).isTrue();
        assertThat(rechecked.getString("evidence[1].classification")).isEqualTo("ALTERED");
        assertThat(rechecked.getInt("evidence[1].sourceVersion")).isEqualTo(2);
        assertThat(rechecked.getBoolean("evidence[1].sourceCorrected")).isFalse();
        assertThat(editor.api().get("/claims/" + open).then().extract().asString())
                .doesNotContain("Re-check against version 2").contains("has been re-checked against it");
    }
}

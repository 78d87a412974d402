package org.quotecheck.claim;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ClaimApiTest {

    @Inject
    TestUsers users;

    static String sampleArticle() throws IOException {
        try (InputStream in = ClaimApiTest.class.getResourceAsStream("/corpus/articles/gyeongju-summit.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int create(TestUser editor, String title, String body) {
        return editor.api().contentType(ContentType.JSON).body(Map.of("title", title, "body", body))
                .post("/api/articles").then().statusCode(201).extract().path("id");
    }

    @Test
    void savingAnArticleExtractsItsClaimsAtOnce() throws IOException {
        TestUser editor = users.editor();
        var created = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Summit", "body", sampleArticle()))
                .post("/api/articles").then().statusCode(201)
                .body("claims.findAll { it.type == 'INDIRECT_QUOTE' }.speaker", hasItem("Sanae Takaichi"))
                .extract();
        int id = created.path("id");
        List<Map<String, Object>> claims = editor.api().get("/api/articles/" + id + "/claims").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(claims).extracting(c -> (Integer) c.get("start")).isSorted();
        Map<String, Object> reported = claims.stream().filter(c -> "INDIRECT_QUOTE".equals(c.get("type"))).findFirst().orElseThrow();
        assertThat(reported).containsEntry("start", 1469).containsEntry("end", 1612).containsEntry("state", "NEW")
                .containsEntry("articleId", id).containsEntry("version", 0);
        assertThat((List<?>) reported.get("numbers")).hasSize(2);
        assertThat(claims).filteredOn(c -> "DIRECT_QUOTE".equals(c.get("type"))).hasSize(5);
        editor.api().get("/api/claims/" + reported.get("id")).then().statusCode(200)
                .body("text", containsString("20 minutes")).body("numbers[1].value", equalTo(45.0f))
                .body("numbers[1].unit", equalTo("minutes")).body("evidence", hasSize(0)).body("history", hasSize(0));
    }

    @Test
    void theApiSaysWhetherASpeakerIsAPersonAnOrganisationOrADocument() {
        TestUser editor = users.editor();
        int article = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Pier", "body",
                        "Mayor Dana Whitfield said, “The pier opens in May.”\n“We will review the contract,” the Ministry of"
                                + " Transport said.\nAccording to the report, “the pier is unsafe.”"))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        editor.api().get("/api/articles/" + article + "/claims").then().statusCode(200)
                .body("findAll { it.type != 'STATEMENT' }.speakerKind", org.hamcrest.Matchers.contains("PERSON",
                        "ORGANISATION", "DOCUMENT"))
                .body("findAll { it.type != 'STATEMENT' }.speaker", org.hamcrest.Matchers.contains("Dana Whitfield",
                        "Ministry of Transport", "the report"));
    }

    @Test
    void anEditorMarksAClaimByOffsets() {
        TestUser editor = users.editor();
        String body = "The river is 40 km long. Nobody disputes it.";
        int id = create(editor, "River", body);
        int start = body.indexOf("Nobody");
        editor.api().contentType(ContentType.JSON)
                .body(Map.of("start", start, "end", body.length() - 1, "type", "STATEMENT", "speaker", "Local guide"))
                .post("/api/articles/" + id + "/claims").then().statusCode(201)
                .header("Location", containsString("/api/claims/"))
                .body("text", equalTo("Nobody disputes it")).body("speaker", equalTo("Local guide"))
                .body("type", equalTo("STATEMENT")).body("state", equalTo("NEW"));
    }

    @Test
    void badManualClaimsGetClearAnswers() {
        TestUser editor = users.editor();
        int id = create(editor, "Short", "Only a short text here.");
        editor.api().contentType(ContentType.JSON).body(Map.of("start", 5, "end", 500, "type", "STATEMENT"))
                .post("/api/articles/" + id + "/claims").then().statusCode(422).body("errors[0].field", equalTo("start"));
        editor.api().contentType(ContentType.JSON).body(Map.of("start", 0, "end", 4, "type", "RUMOUR"))
                .post("/api/articles/" + id + "/claims").then().statusCode(422).body("errors[0].field", equalTo("type"));
        editor.api().contentType(ContentType.JSON).body(Map.of("start", "zero", "end", 4, "type", "STATEMENT"))
                .post("/api/articles/" + id + "/claims").then().statusCode(400);
        editor.api().contentType(ContentType.JSON).body(Map.of("start", 0, "end", 4, "type", "STATEMENT"))
                .post("/api/articles/999999999/claims").then().statusCode(404);
        users.reviewer().api().contentType(ContentType.JSON).body(Map.of("start", 0, "end", 4, "type", "STATEMENT"))
                .post("/api/articles/" + id + "/claims").then().statusCode(403);
        editor.api().get("/api/articles/999999999/claims").then().statusCode(404);
    }

    @Test
    void editingTheBodyKeepsClaimsWhoseTextRemainsAndFlagsTheRest() {
        TestUser editor = users.editor();
        String body = "Mayor Dana Whitfield said, “We will fix the bridge.”\nThe repair costs $3 million.";
        int id = create(editor, "Bridge", body);
        List<Map<String, Object>> before = editor.api().get("/api/articles/" + id + "/claims").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, Object> quote = before.stream().filter(c -> "DIRECT_QUOTE".equals(c.get("type"))).findFirst().orElseThrow();
        Map<String, Object> statement = before.stream().filter(c -> "STATEMENT".equals(c.get("type"))).findFirst().orElseThrow();
        editor.api().contentType(ContentType.JSON).body(Map.of("type", "DIRECT_QUOTE", "speaker", "Dana Whitfield (mayor)", "version", 0))
                .put("/api/claims/" + quote.get("id")).then().statusCode(200).body("version", equalTo(1));

        String edited = "On Monday, " + body.replace("$3 million", "$4 million");
        var form = editor.signIn();
        String token = form.csrfToken("/articles/" + id + "/edit");
        form.request().multiPart("csrf-token", token).multiPart("version", "0").multiPart("title", "Bridge")
                .multiPart("body", edited).post("/articles/" + id).then().statusCode(303);

        List<Map<String, Object>> after = editor.api().get("/api/articles/" + id + "/claims").jsonPath().getList("$");
        Map<String, Object> keptQuote = after.stream().filter(c -> c.get("id").equals(quote.get("id"))).findFirst().orElseThrow();
        assertThat(keptQuote.get("start")).isEqualTo((Integer) quote.get("start") + "On Monday, ".length());
        assertThat(keptQuote.get("speaker")).isEqualTo("Dana Whitfield (mayor)");
        assertThat(keptQuote.get("textMissing")).isEqualTo(false);
        Map<String, Object> goneStatement = after.stream().filter(c -> c.get("id").equals(statement.get("id"))).findFirst().orElseThrow();
        assertThat(goneStatement.get("textMissing")).isEqualTo(true);
        assertThat(after).anySatisfy(c -> assertThat((String) c.get("text")).contains("$4 million"));
    }

    @Test
    void staleClaimEditIs409() {
        TestUser editor = users.editor();
        int id = create(editor, "Stale", "“We are ready,” said Ana Ruiz.");
        int claimId = editor.api().get("/api/articles/" + id + "/claims").then().extract().path("[0].id");
        editor.api().contentType(ContentType.JSON).body(Map.of("type", "PARTIAL_QUOTE", "version", 0))
                .put("/api/claims/" + claimId).then().statusCode(200);
        editor.api().contentType(ContentType.JSON).body(Map.of("type", "STATEMENT", "version", 0))
                .put("/api/claims/" + claimId).then().statusCode(409).contentType("application/problem+json");
    }
}

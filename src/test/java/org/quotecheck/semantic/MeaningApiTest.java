package org.quotecheck.semantic;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.Sources;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Checks by meaning over the API: claimType, sourceId, and a source's semantic state as its passages are prepared. */
@QuarkusTest
class MeaningApiTest {


    @Inject
    TestUsers users;

    @Test
    void theProductsOwnExampleAgainstTheMinistrySummary() throws IOException {
        TestUser editor = users.editor();
        int source = Sources.ready(editor, "MOFA summary", Sources.resource("/corpus/sources/mofa-summit-summary-2025-10-30.txt"));
        editor.api().contentType(ContentType.JSON)
                .body(Map.of("quote", "The meeting was scheduled for 20 minutes but lasted 45.", "sourceId", source, "claimType", "STATEMENT"))
                .post("/api/verify").then().statusCode(200).body("classification", equalTo("PARAPHRASE"))
                .body("method", equalTo("MEANING")).body("passage.text", org.hamcrest.Matchers.containsString("20 minutes"))
                .body("facts.findAll { it.agree }.size()", equalTo(2));
        editor.api().contentType(ContentType.JSON)
                .body(Map.of("quote", "The meeting was scheduled for 30 minutes but lasted 45.", "sourceId", source, "claimType", "STATEMENT"))
                .post("/api/verify").then().statusCode(200).body("classification", equalTo("ALTERED"))
                .body("differences.critical", hasItem(true))
                .body("facts.find { !it.agree }.claimText", equalTo("30 minutes"))
                .body("facts.find { !it.agree }.sourceText", org.hamcrest.Matchers.containsString("20 minutes"));
    }

    @Test
    void aTextSentWithTheRequestIsCheckedByMeaningToo() {
        TestUser reviewer = users.reviewer();
        reviewer.api().contentType(ContentType.JSON)
                .body(Map.of("quote", "The leaders agreed to suspend shuttle diplomacy.", "sourceText", Sources.SUMMIT, "claimType", "STATEMENT"))
                .post("/api/verify").then().statusCode(200).body("classification", equalTo("ALTERED"))
                .body("facts.kind", hasItem("ACTION"));
        // A direct quote keeps the fast word-by-word path and its word diff.
        reviewer.api().contentType(ContentType.JSON)
                .body(Map.of("quote", "The meeting had been expected to last around 20 minutes.", "sourceText", Sources.SUMMIT))
                .post("/api/verify").then().statusCode(200).body("classification", equalTo("VERBATIM")).body("method", equalTo("LEXICAL"));
    }

    @Test
    void badClaimTypesAndAmbiguousRequestsAreClearErrors() {
        TestUser reviewer = users.reviewer();
        reviewer.api().contentType(ContentType.JSON).body(Map.of("quote", "x", "sourceText", "y", "claimType", "OPINION"))
                .post("/api/verify").then().statusCode(422).body("errors[0].field", equalTo("claimType"));
        reviewer.api().contentType(ContentType.JSON).body(Map.of("quote", "x", "sourceText", "y", "sourceId", 1))
                .post("/api/verify").then().statusCode(422).body("errors[0].field", equalTo("sourceId"));
        reviewer.api().contentType(ContentType.JSON).body(Map.of("quote", "x", "sourceId", 987654321))
                .post("/api/verify").then().statusCode(404);
    }

    @Test
    void aClaimIsCheckedWithItsOwnTypeAndItsEvidenceKeepsTheFacts() throws IOException {
        TestUser editor = users.editor();
        int source = Sources.ready(editor, "MOFA summary for evidence", Sources.resource("/corpus/sources/mofa-summit-summary-2025-10-30.txt"));
        int article = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Summit", "body",
                        "The meeting was scheduled for 30 minutes but lasted 45, officials said."))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        int claim = editor.api().contentType(ContentType.JSON).body(Map.of("text", "The meeting was scheduled for 30 minutes but lasted 45",
                        "type", "STATEMENT")).post("/api/articles/" + article + "/claims").then().statusCode(201).extract().path("id");
        editor.api().contentType(ContentType.JSON).body(Map.of("sourceId", source)).post("/api/claims/" + claim + "/evidence")
                .then().statusCode(201).body("classification", equalTo("ALTERED"));
        editor.api().get("/api/claims/" + claim).then().body("evidence[0].classification", equalTo("ALTERED"));
    }
}

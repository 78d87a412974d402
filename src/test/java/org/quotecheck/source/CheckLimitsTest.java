package org.quotecheck.source;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Quotes and manual claims are capped with a clear 422, before any alignment runs. */
@QuarkusTest
class CheckLimitsTest {

    @Inject
    TestUsers users;

    @Test
    void aThirtyTwoThousandWordQuoteGetsA422NotAnOutOfMemoryError() {
        TestUser reviewer = users.reviewer();
        String quote = "the council will not raise taxes ".repeat(5_400); // 32,400 words, about 180 KB
        reviewer.api().contentType(ContentType.JSON).body(Map.of("quote", quote, "sourceText", quote))
                .post("/api/verify").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("quote")).body("errors[0].message", containsString("at most 10,000 characters"));
        // The service still answers normally afterwards.
        reviewer.api().contentType(ContentType.JSON)
                .body(Map.of("quote", "will not raise taxes", "sourceText", "The council will not raise taxes this year."))
                .post("/api/verify").then().statusCode(200).body("classification", equalTo("VERBATIM"));
    }

    @Test
    void aManualClaimLongerThanTenThousandCharactersIsRefused() {
        TestUser editor = users.editor();
        String body = "Residents waited. ".repeat(700); // 12,600 characters
        int article = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Long", "body", body))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        editor.api().contentType(ContentType.JSON).body(Map.of("start", 0, "end", 12_000, "type", "STATEMENT"))
                .post("/api/articles/" + article + "/claims").then().statusCode(422)
                .body("errors[0].field", equalTo("start")).body("errors[0].message", containsString("at most 10,000"));
        editor.api().get("/api/articles/" + article + "/claims").then().body("findAll { it.origin == 'MANUAL' }.size()", equalTo(0));
    }

    @Test
    @org.junit.jupiter.api.Timeout(120) // a hang guard: this request took 42 s before passages were bounded
    void aSourceTextWithoutSentenceEndsIsCheckedInBoundedPassages() {
        TestUser reviewer = users.reviewer();
        String text = "a,".repeat(1_600_000) + " The meeting lasted 45 minutes.";
        reviewer.api().contentType(ContentType.JSON).body(Map.of("quote", "The meeting lasted 45 minutes.", "sourceText", text,
                        "claimType", "STATEMENT")).post("/api/verify").then().statusCode(200)
                .body("passage.text", org.hamcrest.Matchers.endsWith("The meeting lasted 45 minutes."))
                .body("passage.text.length()", org.hamcrest.Matchers.lessThanOrEqualTo(1_201))
                .body("notice", containsString("too long to embed"));
    }

    @Test
    void anArticleWithMoreClaimsThanTheLimitIsRefusedAndNothingIsSaved() {
        TestUser editor = users.editor();
        String title = "Too many claims " + java.util.UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < 200_000; i++) {
            body.append("\u201c").append(i).append(" percent,\u201d he said. ");
        }
        editor.api().contentType(ContentType.JSON).body(Map.of("title", title, "body", body.toString()))
                .post("/api/articles").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("one article may have at most 3,000"))
                .body("errors[0].message", containsString("Nothing was saved"));
        editor.api().queryParam("q", title).get("/api/articles").then().statusCode(200).body("total", equalTo(0));
    }
}

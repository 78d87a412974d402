package org.quotecheck.semantic;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.Sources;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.time.Duration;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Where the model cannot load, sources say UNAVAILABLE and checks by meaning go by words only, with a notice. */
@QuarkusTest
@TestProfile(WithoutModelTest.NoModel.class)
class WithoutModelTest {

    public static class NoModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quotecheck.semantic.enabled", "false");
        }
    }

    @Inject
    TestUsers users;

    @Test
    void sourcesSayUnavailableAndChecksFallBackToWordsWithANotice() throws Exception {
        TestUser editor = users.editor();
        int source = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Summary", "type", "OFFICIAL_STATEMENT",
                "text", Sources.SUMMIT)).post("/api/sources").then().statusCode(201).extract().path("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String state = "";
        while (!"UNAVAILABLE".equals(state) || editor.api().get("/api/sources/" + source).path("semantic.passages").equals(0)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the source never became UNAVAILABLE with its passages stored: " + state);
            }
            Thread.sleep(200);
            state = editor.api().get("/api/sources/" + source).path("semantic.state");
        }
        editor.api().get("/api/sources/" + source).then().body("semantic.embedded", equalTo(0));
        editor.api().contentType(ContentType.JSON)
                .body(Map.of("quote", "The meeting was scheduled for 30 minutes but lasted 45.", "sourceId", source, "claimType", "STATEMENT"))
                .post("/api/verify").then().statusCode(200).body("classification", equalTo("ALTERED"))
                .body("notice", containsString("by words only"));
        editor.api().contentType(ContentType.JSON)
                .body(Map.of("quote", "The leaders agreed to continue shuttle diplomacy.", "sourceText", Sources.SUMMIT,
                        "claimType", "STATEMENT"))
                .post("/api/verify").then().statusCode(200).body("classification", equalTo("PARAPHRASE"))
                .body("notice", containsString("by words only"));
        editor.signIn().get("/sources/" + source).then().statusCode(200).body(containsString("not available on this server"));
        // The library is searched by words: the source is found, the answer says how it was searched.
        editor.api().contentType(ContentType.JSON)
                .body(Map.of("text", "The meeting had been expected to last around 20 minutes.", "claimType", "DIRECT_QUOTE"))
                .post("/api/search").then().statusCode(200).body("results.find { it.sourceId == " + source + " }.classification",
                        equalTo("VERBATIM")).body("byMeaning", equalTo(false)).body("notice", containsString("by words only"))
                .body("processing.sourceId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(source)));
    }
}

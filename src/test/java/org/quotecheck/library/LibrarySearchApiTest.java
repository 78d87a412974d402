package org.quotecheck.library;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.BrowserSession;
import org.quotecheck.support.Library;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code POST /api/search} over a library with decoys: the same council transcript told with other numbers. The
 * true source comes first, the decoys after it as contradictions with the differing number; only latest versions
 * are read; sources not ready yet are named.
 */
@QuarkusTest
class LibrarySearchApiTest {

    @Inject
    TestUsers users;

    @Inject
    AgroalDataSource dataSource;

    /** The true source and four decoys, all ready; returns the true source's id. */
    private int libraryWithDecoys(TestUser editor, String town) {
        int truth = Library.source(editor, town + " council transcript", Library.story(town, 45, 2027, "not"));
        int[] decoys = {
            Library.source(editor, town + " decoy one", Library.story(town, 30, 2027, "not")),
            Library.source(editor, town + " decoy two", Library.story(town, 45, 2029, "not")),
            Library.source(editor, town + " decoy three", Library.story(town, 54, 2027, "not")),
            Library.source(editor, town + " decoy four", Library.story(town, 45, 2027, "")),
        };
        ready(editor, truth);
        for (int decoy : decoys) {
            ready(editor, decoy);
        }
        return truth;
    }

    private static void ready(TestUser user, int source) {
        Library.await(user, "/api/sources/" + source, j -> "READY".equals(j.getString("semantic.state")));
    }

    private static JsonPath search(TestUser user, Map<String, Object> body) {
        return user.api().contentType(ContentType.JSON).body(body).post("/api/search").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aQuoteIsFoundVerbatimInItsSourceAndTheDecoysContradictIt() {
        TestUser editor = users.editor();
        String town = Library.name();
        int truth = libraryWithDecoys(editor, town);
        JsonPath found = search(editor, Map.of("text", "the " + town + " bridge would cost 45 million euros and open in 2027",
                "claimType", "DIRECT_QUOTE", "limit", 10));
        List<Map<String, Object>> results = found.getList("results");
        assertThat(results).hasSizeGreaterThanOrEqualTo(4);
        // The transcript and the decoy that differs only in another sentence both have the quote word for word.
        assertThat(found.getList("results.sourceId", Integer.class).subList(0, 2)).contains(truth);
        assertThat(found.getList("results.title", String.class).subList(0, 2)).contains(town + " decoy four");
        String ours = "results.find { it.sourceId == " + truth + " }";
        assertThat(found.getString(ours + ".classification")).isEqualTo("VERBATIM");
        assertThat(found.getString(ours + ".summary")).isEqualTo("verbatim in: " + town + " council transcript");
        assertThat(found.getString(ours + ".passage.text")).contains("45 million euros");
        assertThat(found.getInt(ours + ".passage.end")).isGreaterThan(found.getInt(ours + ".passage.start"));
        assertThat(found.getString(ours + ".sourceType")).isEqualTo("TRANSCRIPT");
        // The decoy that says 30 million: a contradiction, after every supporting result, with the number shown.
        int thirty = indexOf(found, town + " decoy one");
        assertThat(thirty).isPositive();
        assertThat(found.getString("results[" + thirty + "].classification")).isEqualTo("ALTERED");
        assertThat(found.getString("results[" + thirty + "].summary"))
                .isEqualTo("contradicted by: " + town + " decoy one, 45 vs 30 million euros");
        assertThat(found.getList("results[" + thirty + "].differences.critical", Boolean.class)).contains(true);
        List<String> classes = found.getList("results.classification", String.class);
        int firstAltered = classes.indexOf("ALTERED");
        assertThat(classes.subList(firstAltered, classes.size())).containsOnly("ALTERED");
        assertThat(found.getList("results.sourceId", Integer.class)).doesNotHaveDuplicates();
    }

    @Test
    void aStatementInOtherWordsIsFoundByMeaning() {
        TestUser reviewer = users.reviewer();
        TestUser editor = users.editor();
        String town = Library.name();
        int truth = libraryWithDecoys(editor, town);
        JsonPath found = search(reviewer, Map.of("text", "Marchetti told the council that the new " + town
                + " bridge will open in 2027 at a cost of 45 million euros.", "claimType", "INDIRECT_QUOTE"));
        assertThat(found.getBoolean("byMeaning")).isTrue();
        // The transcript and the decoy that differs only in a sentence the claim does not touch both support it.
        assertThat(found.getList("results.sourceId", Integer.class).subList(0, 2)).contains(truth);
        assertThat(found.getList("results.title", String.class).subList(0, 2)).contains(town + " decoy four");
        assertThat(found.getList("results.classification", String.class).subList(0, 2)).containsOnly("PARAPHRASE");
        assertThat(found.getString("results[0].method")).isEqualTo("MEANING");
        assertThat(found.getList("results.sourceId")).hasSizeLessThanOrEqualTo(5);
        int thirty = indexOf(found, town + " decoy one");
        if (thirty >= 0) {
            assertThat(found.getString("results[" + thirty + "].classification")).isEqualTo("ALTERED");
            assertThat(found.getString("results[" + thirty + "].summary")).contains("45").contains("30");
        }
        // Changed the other way round: the claim says 30 million, which only the decoy supports.
        JsonPath changed = search(reviewer, Map.of("text", "Marchetti told the council that the new " + town
                + " bridge will open in 2027 at a cost of 30 million euros.", "claimType", "INDIRECT_QUOTE", "limit", 10));
        assertThat(changed.getString("results[0].title")).isEqualTo(town + " decoy one");
        assertThat(changed.getString("results[0].classification")).isEqualTo("PARAPHRASE");
        assertThat(changed.getString("results.find { it.sourceId == " + truth + " }.classification")).isEqualTo("ALTERED");
    }

    @Test
    void onlyTheLatestVersionOfASourceIsSearched() {
        TestUser editor = users.editor();
        String town = Library.name();
        int source = Library.source(editor, town + " corrected transcript", Library.story(town, 45, 2027, "not"));
        ready(editor, source);
        editor.api().contentType(ContentType.JSON).body(Map.of("text", Library.story(town, 46, 2027, "not")))
                .post("/api/sources/" + source + "/versions").then().statusCode(201);
        ready(editor, source);
        JsonPath found = search(editor, Map.of("text", "the " + town + " bridge would cost 45 million euros", "claimType", "DIRECT_QUOTE"));
        // Other tests' towns tell the same story: only this town's source is looked at here.
        String ours = "results.findAll { it.title.startsWith('" + town + "') }";
        assertThat(found.getList(ours)).hasSize(1);
        assertThat(found.getString(ours + "[0].classification")).isEqualTo("ALTERED");
        assertThat(found.getInt(ours + "[0].versionNumber")).isEqualTo(2);
        assertThat(found.getString(ours + "[0].summary")).endsWith("45 vs 46 million euros");
    }

    @Test
    void nothingFoundSaysSoAndNamesTheSourcesStillBeingProcessed() throws Exception {
        TestUser editor = users.editor();
        String town = Library.name();
        int source = Library.source(editor, town + " minutes, still in the works", Library.story(town, 45, 2027, "not"));
        ready(editor, source);
        setReady(source, false);
        try {
            JsonPath found = search(editor, Map.of("text", "The " + Library.name() + " tunnel will be finished by 2031."));
            assertThat(found.getList("results")).isEmpty();
            assertThat(found.getList("processing.title", String.class)).contains(town + " minutes, still in the works");
            assertThat(found.getInt("processingCount")).isPositive();
        } finally {
            setReady(source, true);
        }
        JsonPath after = search(editor, Map.of("text", "The " + Library.name() + " tunnel will be finished by 2031."));
        assertThat(after.getList("processing.title", String.class)).doesNotContain(town + " minutes, still in the works");
    }

    private void setReady(int sourceId, boolean ready) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE source_version SET passages_ready_at = " + (ready ? "now()" : "NULL") + " WHERE source_id = ? AND is_latest")) {
            s.setLong(1, sourceId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void badRequestsAreClearProblems() {
        TestUser editor = users.editor();
        editor.api().contentType(ContentType.JSON).body(Map.of("text", "  ")).post("/api/search").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("text"));
        editor.api().contentType(ContentType.JSON).body(Map.of("text", "x".repeat(10_001))).post("/api/search").then().statusCode(422)
                .body("errors[0].field", equalTo("text"));
        editor.api().contentType(ContentType.JSON).body(Map.of("text", "a claim", "limit", 0)).post("/api/search").then().statusCode(422)
                .body("errors[0].field", equalTo("limit"));
        editor.api().contentType(ContentType.JSON).body(Map.of("text", "a claim", "limit", 21)).post("/api/search").then().statusCode(422);
        editor.api().contentType(ContentType.JSON).body(Map.of("text", "a claim", "claimType", "RUMOUR")).post("/api/search").then()
                .statusCode(422).body("errors[0].field", equalTo("claimType"));
        editor.api().contentType(ContentType.JSON).body("{\"text\": \"a claim\", \"limit\": \"many\"}").post("/api/search").then()
                .statusCode(400);
        editor.api().contentType(ContentType.JSON).body("[1, 2]").post("/api/search").then().statusCode(400);
        // Text that only looks like something: zero-width, no-break and format characters, a lone surrogate.
        for (String invisible : List.of("\u200b", "\u00a0\u200c\u200d\ufeff", "\u202e\u0301", "\ud800", "\u0000", "— … ¶")) {
            editor.api().contentType(ContentType.JSON).body(Map.of("text", invisible)).post("/api/search").then().statusCode(422)
                    .body("errors[0].field", equalTo("text")).body("detail", containsString("no letters or digits"));
        }
        BrowserSession page = editor.signIn();
        assertThat(page.request().queryParam("text", "\u200b\u200b").get("/library").then().statusCode(422).extract().asString())
                .contains("no letters or digits");
        // A long search from the page's GET form (10,000 characters, percent-encoded to 90 KB) is answered, not refused.
        page.request().queryParam("text", "会議".repeat(4_000)).get("/library").then().statusCode(200);
        // Query syntax of PostgreSQL is only ever built from letters and digits.
        search(editor, Map.of("text", "it's & | ! ( ) <-> :* 'quoted' \"and\" \\ ; DROP TABLE source;"));
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("text", "a claim")).post("/api/search").then().statusCode(401);
    }

    @Test
    void correctionsSentAtTheSameTimeAreNumberedOneAfterTheOther() throws Exception {
        TestUser editor = users.editor();
        String town = Library.name();
        int source = Library.source(editor, town + " readout", Library.story(town, 45, 2027, "not"));
        editor.api().contentType(ContentType.JSON).body(Map.of("text", "\u200b\u200b")).post("/api/sources/" + source + "/versions")
                .then().statusCode(422).body("errors[0].field", equalTo("text"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int cost = 50 + i;
            answers.add(pool.submit(() -> editor.api().contentType(ContentType.JSON).body(Map.of("text", Library.story(town, cost, 2027, "not")))
                    .post("/api/sources/" + source + "/versions").then().extract().statusCode()));
        }
        for (var answer : answers) {
            assertThat(answer.get()).isEqualTo(201);
        }
        pool.shutdown();
        editor.api().get("/api/sources/" + source).then().statusCode(200).body("currentVersion", equalTo(5));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*), count(DISTINCT number), count(*) FILTER (WHERE is_latest) FROM source_version WHERE source_id = ?")) {
            s.setLong(1, source);
            try (var r = s.executeQuery()) {
                r.next();
                assertThat(List.of(r.getInt(1), r.getInt(2), r.getInt(3))).containsExactly(5, 5, 1);
            }
        }
    }

    private static int indexOf(JsonPath found, String title) {
        return found.getList("results.title", String.class).indexOf(title);
    }
}

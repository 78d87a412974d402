package org.quotecheck.library;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.jobs.JobQueue;
import org.quotecheck.support.Library;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suggestions on save: an article's claims are looked for in the library by a durable job; what it found is on
 * {@code GET /api/claims/{id}/suggestions}; a changed claim and a new source start it again; a job whose worker died
 * is finished by another without redoing what was stored.
 */
@QuarkusTest
class SuggestionsTest {

    @Inject
    TestUsers users;

    @Inject
    AgroalDataSource dataSource;

    private static int article(TestUser editor, String title, String body) {
        return editor.api().contentType(ContentType.JSON).body(Map.of("title", title, "body", body))
                .post("/api/articles").then().statusCode(201).extract().path("id");
    }

    private static int claim(TestUser editor, int article, String text, String type) {
        return editor.api().contentType(ContentType.JSON).body(Map.of("text", text, "type", type))
                .post("/api/articles/" + article + "/claims").then().statusCode(201).extract().path("id");
    }

    private static JsonPath done(TestUser user, int claim) {
        return Library.await(user, "/api/claims/" + claim + "/suggestions", j -> "DONE".equals(j.getString("state")));
    }

    private static void ready(TestUser user, int source) {
        Library.await(user, "/api/sources/" + source, j -> "READY".equals(j.getString("semantic.state")));
    }

    @Test
    void eachClaimOfASavedArticleGetsItsSuggestions() {
        TestUser editor = users.editor();
        String town = Library.name();
        int truth = Library.source(editor, town + " council transcript", Library.story(town, 45, 2027, "not"));
        int decoy = Library.source(editor, town + " decoy", Library.story(town, 30, 2027, "not"));
        ready(editor, truth);
        ready(editor, decoy);
        String quote = "the " + town + " bridge would cost 45 million euros and open in 2027";
        String ferry = Library.name();
        int article = article(editor, town + " bridge", "Mayor Elena Marchetti said \u201c" + quote + "\u201d. She also said"
                + " the " + town + " bridge will cost 30 million euros. The " + ferry + " ferry fare doubled in 1999.");
        int direct = claim(editor, article, quote, "DIRECT_QUOTE");
        int changed = claim(editor, article, "the " + town + " bridge will cost 30 million euros", "STATEMENT");
        int nothing = claim(editor, article, "The " + ferry + " ferry fare doubled in 1999", "STATEMENT");

        JsonPath found = done(editor, direct);
        assertThat(found.getInt("results[0].sourceId")).isEqualTo(truth);
        assertThat(found.getString("results[0].summary")).isEqualTo("verbatim in: " + town + " council transcript");
        assertThat(found.getString("results.find { it.sourceId == " + decoy + " }.summary"))
                .isEqualTo("contradicted by: " + town + " decoy, 45 vs 30 million euros");
        assertThat(found.getString("searchedAt")).isNotNull();

        JsonPath thirty = done(editor, changed);
        assertThat(thirty.getInt("results[0].sourceId")).isEqualTo(decoy);
        assertThat(thirty.getString("results.find { it.sourceId == " + truth + " }.classification")).isEqualTo("ALTERED");

        assertThat(done(editor, nothing).getList("results")).isEmpty();
        // Every claim of the article was looked for, the extracted ones too, by one job per request.
        for (int claim : editor.api().get("/api/articles/" + article + "/claims").then().extract().jsonPath().getList("id", Integer.class)) {
            done(editor, claim);
        }
    }

    @Test
    void aNewSourceStartsTheSearchAgainForOpenClaimsThatHadNoSuggestion() throws Exception {
        TestUser editor = users.editor();
        String town = Library.name();
        String words = "the " + town + " harbour pilots will strike for nine days in March";
        int article = article(editor, town + " later", "The union said " + words + ".");
        int quote = claim(editor, article, words, "DIRECT_QUOTE");
        assertThat(done(editor, quote).getList("results")).isEmpty();

        int source = Library.source(editor, town + " union statement, filed late", Library.strike(town));
        ready(editor, source);
        JsonPath found = Library.await(editor, "/api/claims/" + quote + "/suggestions",
                j -> "DONE".equals(j.getString("state")) && !j.getList("results").isEmpty());
        assertThat(found.getInt("results[0].sourceId")).isEqualTo(source);
        assertThat(found.getString("results[0].classification")).isEqualTo("VERBATIM");
        assertThat(jobs(article)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aChangedClaimIsLookedForAgain() {
        TestUser editor = users.editor();
        String town = Library.name();
        int source = Library.source(editor, town + " minutes", Library.story(town, 45, 2027, "not"));
        ready(editor, source);
        int article = article(editor, town + " edit", "She said the " + town + " bridge would cost 45 million euros.");
        int claim = claim(editor, article, "the " + town + " bridge would cost 45 million euros", "STATEMENT");
        String method = done(editor, claim).getString("results[0].method");
        assertThat(method).isEqualTo("MEANING");
        int version = editor.api().get("/api/claims/" + claim).then().extract().path("version");
        editor.api().contentType(ContentType.JSON).body(Map.of("type", "DIRECT_QUOTE", "version", version))
                .put("/api/claims/" + claim).then().statusCode(200);
        JsonPath again = Library.await(editor, "/api/claims/" + claim + "/suggestions",
                j -> "DONE".equals(j.getString("state")) && "LEXICAL".equals(j.getString("results[0].method")));
        assertThat(again.getString("results[0].classification")).isEqualTo("VERBATIM");
    }

    @Test
    void aJobWhoseWorkerDiedIsFinishedByAnotherWithoutRedoingStoredAnswers() throws Exception {
        TestUser editor = users.editor();
        String town = Library.name();
        int source = Library.source(editor, town + " record", Library.story(town, 45, 2027, "not"));
        ready(editor, source);
        int article = article(editor, town + " restart", "She said the " + town + " bridge would cost 45 million euros."
                + " She said the " + town + " works would not start before the summer holidays.");
        int first = claim(editor, article, "the " + town + " bridge would cost 45 million euros", "DIRECT_QUOTE");
        int second = claim(editor, article, "the " + town + " works would not start before the summer holidays", "DIRECT_QUOTE");
        done(editor, first);
        done(editor, second);
        List<Long> firstSuggestions = suggestionIds(first);
        // As if a worker had taken the job, stored the first claim's answer and died: the second claim is pending,
        // the job is running under a lease that has run out.
        execute("UPDATE claim_search SET state = 'PENDING', generation = generation + 1 WHERE claim_id = " + second);
        execute("INSERT INTO job (kind, subject_id, state, attempts, locked_by, locked_until) VALUES ('"
                + SuggestionJob.KIND + "', " + article + ", 'RUNNING', 1, 'a-worker-that-died', now() - interval '1 second')");
        JsonPath finished = done(editor, second);
        assertThat(finished.getString("results[0].classification")).isEqualTo("VERBATIM");
        assertThat(suggestionIds(first)).isEqualTo(firstSuggestions);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM job WHERE kind = ? AND subject_id = ? AND locked_by = 'a-worker-that-died'")) {
            s.setString(1, SuggestionJob.KIND);
            s.setLong(2, article);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertThat(r.getInt(1)).as("the dead worker's lease was taken over").isZero();
            }
        }
    }

    @Inject
    SuggestionJob job;

    @Inject
    org.quotecheck.article.ArticleService articles;

    @Inject
    org.quotecheck.jobs.Workers workers;

    /**
     * The job reads its claims a batch at a time and renews its lease with each answer: deleting the article stops it
     * after the claim in hand. The test runs the job itself, with this instance's worker stopped.
     */
    @Test
    void deletingTheArticleStopsItsSearchAfterTheClaimInHand() throws Exception {
        TestUser editor = users.editor();
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            body.append("Mayor Dana Whitfield said, \u201cThe pier ").append(i).append(" opens in May.\u201d\n");
        }
        org.quotecheck.jobs.Worker worker = workers.all().stream().filter(w -> w.name().equals("quotecheck-jobs"))
                .findFirst().orElseThrow();
        worker.stop(java.time.Duration.ofSeconds(30));
        try {
            int article = article(editor, "Deleted while searched " + Library.name(), body.toString());
            java.util.List<int[]> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
            boolean[] deleted = {false};
            job.run(new org.quotecheck.jobs.JobQueue.Claimed(0, SuggestionJob.KIND, article, 1, "test"),
                    new org.quotecheck.jobs.JobHandler.Progress() {
                        @Override
                        public boolean report(int done, int total) {
                            reports.add(new int[] {done, total, deleted[0] ? 1 : 0});
                            if (done == 2 && !deleted[0]) {
                                articles.delete(article, editor.username());
                                deleted[0] = true;
                            }
                            return true;
                        }
                    });
            assertThat(reports.get(0)[1]).as("the whole article counted at the start").isGreaterThanOrEqualTo(40);
            assertThat(reports.stream().filter(r -> r[2] == 1).count()).as("reports after the deletion").isLessThanOrEqualTo(1);
            assertThat(reports.stream().mapToInt(r -> r[0]).max().orElse(0)).isEqualTo(2);
        } finally {
            worker.start();
        }
    }

    @Test
    void suggestionsNeedASignInAndAClaimThatExists() {
        TestUser reviewer = users.reviewer();
        reviewer.api().get("/api/claims/987654321/suggestions").then().statusCode(404);
        reviewer.api().get("/api/claims/987654321/related").then().statusCode(404);
        RestAssured.given().get("/api/claims/1/suggestions").then().statusCode(401);
        RestAssured.given().get("/api/claims/1/related").then().statusCode(401);
    }

    private List<Long> suggestionIds(int claim) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id FROM claim_suggestion WHERE claim_id = ? ORDER BY id")) {
            s.setLong(1, claim);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        assertThat(ids).isNotEmpty();
        return ids;
    }

    private int jobs(int article) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM job WHERE kind = ? AND subject_id = ? AND state = ?")) {
            s.setString(1, SuggestionJob.KIND);
            s.setLong(2, article);
            s.setString(3, JobQueue.State.DONE.name());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}

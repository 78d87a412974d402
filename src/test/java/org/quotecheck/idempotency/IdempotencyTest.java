package org.quotecheck.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Safe retries: the API's creating POSTs with an {@code Idempotency-Key}, against the real database. */
@QuarkusTest
class IdempotencyTest {

    private static final String KEY = "Idempotency-Key";

    @Inject
    TestUsers users;

    @Inject
    EntityManager entityManager;

    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndCreatesNothing() {
        TestUser editor = users.editor();
        String title = "Retried " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Response first = createArticle(editor, key, "{\"title\": \"" + title + "\", \"body\": \"The mayor said, “We open in May.”\"}");
        first.then().statusCode(201);
        // The same JSON with other spacing is the same request.
        Response retry = createArticle(editor, key, "{ \"title\":\"" + title + "\",\n  \"body\":\"The mayor said, “We open in May.”\" }");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.<Integer>path("id")))
                .body("claims.size()", equalTo(first.<List<?>>path("claims").size()));
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(articlesTitled(title)).isEqualTo(1);
    }

    /** A replay may come through another host name: its Location must not be the first request's Host header. */
    @Test
    void aReplayNeverPointsAtTheHostTheFirstRequestNamed() {
        TestUser editor = users.editor();
        String key = UUID.randomUUID().toString();
        String body = "{\"title\": \"Hosts " + UUID.randomUUID() + "\", \"body\": \"The mayor said, “We open in May.”\"}";
        Response first = editor.api().header(KEY, key).header("Host", "attacker.example").contentType(ContentType.JSON).body(body)
                .post("/api/articles");
        first.then().statusCode(201);
        Response replay = editor.api().header(KEY, key).header("Host", "newsroom.example").contentType(ContentType.JSON).body(body)
                .post("/api/articles");
        replay.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(replay.header("Location")).isEqualTo("/api/articles/" + first.<Integer>path("id"))
                .doesNotContain("attacker.example");
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndCreatesNothing() {
        TestUser editor = users.editor();
        String key = UUID.randomUUID().toString();
        String title = "First " + UUID.randomUUID();
        createArticle(editor, key, article(title, "Body one.")).then().statusCode(201);
        String other = "Other " + UUID.randomUUID();
        createArticle(editor, key, article(other, "Body two.")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Idempotency-Key reused"))
                .body("errors[0].field", equalTo(KEY));
        assertThat(articlesTitled(other)).isZero();
        assertThat(articlesTitled(title)).isEqualTo(1);
    }

    @Test
    void aRefusedRequestKeepsNothingSoTheCorrectedRetryRuns() {
        TestUser editor = users.editor();
        String key = UUID.randomUUID().toString();
        String title = "Corrected " + UUID.randomUUID();
        createArticle(editor, key, article(title, "")).then().statusCode(422);
        assertThat(keysKept(editor.username(), key)).isZero();
        createArticle(editor, key, article(title, "Now with a body.")).then().statusCode(201);
        assertThat(articlesTitled(title)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheAccountThatSentThem() {
        TestUser one = users.editor();
        TestUser two = users.editor();
        String key = UUID.randomUUID().toString();
        String title = "Shared key " + UUID.randomUUID();
        int first = createArticle(one, key, article(title, "Same words.")).then().statusCode(201).extract().path("id");
        Response second = createArticle(two, key, article(title, "Same words."));
        second.then().statusCode(201);
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.<Integer>path("id")).isNotEqualTo(first);
        assertThat(articlesTitled(title)).isEqualTo(2);
    }

    @Test
    void simultaneousRetriesCreateOneArticle() throws Exception {
        TestUser editor = users.editor();
        String key = UUID.randomUUID().toString();
        String title = "Simultaneous " + UUID.randomUUID();
        int clients = 8;
        // One request first, as an integration would: the password is then known and parallel requests skip bcrypt.
        editor.api().get("/api/articles?size=1").then().statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<Response> send = () -> {
                    start.await();
                    return createArticle(editor, key, article(title, "Quoted: “We will not raise fares.”"));
                };
                answers.add(pool.submit(send));
            }
            start.countDown();
            List<Integer> ids = new ArrayList<>();
            int replayed = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertThat(response.statusCode()).isEqualTo(201);
                ids.add(response.path("id"));
                replayed += "true".equals(response.header("Idempotent-Replayed")) ? 1 : 0;
            }
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(replayed).isEqualTo(clients - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(articlesTitled(title)).isEqualTo(1);
    }

    @Test
    void anAnswerOlderThanADayIsForgotten() {
        TestUser editor = users.editor();
        String key = UUID.randomUUID().toString();
        String title = "Old key " + UUID.randomUUID();
        createArticle(editor, key, article(title, "Words.")).then().statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE owner = ?1 AND key = ?2")
                .setParameter(1, editor.username()).setParameter(2, key).executeUpdate());
        Response again = createArticle(editor, key, article(title, "Words."));
        again.then().statusCode(201);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(articlesTitled(title)).isEqualTo(2);
    }

    @Test
    void aRetriedApprovalGetsItsFirstAnswerInsteadOfAConflict() {
        TestUser editor = users.editor();
        TestUser reviewer = users.reviewer();
        int article = editor.api().contentType(ContentType.JSON)
                .body(article("Approval retry " + UUID.randomUUID(), "Mayor Dana Whitfield said, “The ferry runs hourly.”"))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        int claim = editor.api().get("/api/articles/" + article + "/claims").then().extract().path("find { it.type == 'DIRECT_QUOTE' }.id");
        transition(editor, claim, Map.of("action", "TAKE"), null).then().statusCode(200);
        transition(editor, claim, Map.of("action", "SUBMIT", "rating", "UNVERIFIABLE", "note", "No recording.",
                "noSourceFound", true), null).then().statusCode(200);
        String key = UUID.randomUUID().toString();
        int before = reviewer.api().get("/api/claims/" + claim).then().statusCode(200).extract().path("version");
        Map<String, Object> approve = Map.of("action", "APPROVE", "version", before);
        Response first = send(reviewer, claim, approve, key);
        first.then().statusCode(200).body("state", equalTo("APPROVED"));
        int version = first.path("version");
        // Without the key a second approval is a conflict; with it, the lost answer comes back.
        send(reviewer, claim, approve, null).then().statusCode(409);
        send(reviewer, claim, approve, key).then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("state", equalTo("APPROVED")).body("version", equalTo(version));
        long approvals = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM audit_event WHERE claim_id = ?1 AND to_state = 'APPROVED'")
                .setParameter(1, claim).getSingleResult()).longValue());
        assertThat(approvals).isEqualTo(1);
    }

    @Test
    void aRetryWhileTheFirstRequestIsStillBeingAnsweredIsToldToComeBack() throws Exception {
        TestUser editor = users.editor();
        String key = UUID.randomUUID().toString();
        String title = "In progress " + UUID.randomUUID();
        // Another transaction holds the key, as a slow first request would, for longer than a retry waits.
        try (java.sql.Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            try (var claim = first.prepareStatement(
                    "INSERT INTO idempotency_key (owner, key, fingerprint, status) VALUES (?, ?, 'first', 0)")) {
                claim.setString(1, editor.username());
                claim.setString(2, key);
                claim.executeUpdate();
            }
            long began = System.nanoTime();
            Response retry = createArticle(editor, key, article(title, "Words."));
            long waited = (System.nanoTime() - began) / 1_000_000;
            first.rollback();
            retry.then().statusCode(409).header("Retry-After", "1").contentType("application/problem+json")
                    .body("title", equalTo("Request in progress"));
            assertThat(waited).as("milliseconds the retry waited").isBetween(900L, 10_000L);
        }
        assertThat(articlesTitled(title)).isZero();
        createArticle(editor, key, article(title, "Words.")).then().statusCode(201);
    }

    @Test
    void aMalformedKeyIsABadRequest() {
        TestUser editor = users.editor();
        String title = "Bad key " + UUID.randomUUID();
        createArticle(editor, "has spaces in it", article(title, "Words.")).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(KEY));
        createArticle(editor, "k".repeat(256), article(title, "Words.")).then().statusCode(400);
        assertThat(articlesTitled(title)).isZero();
    }

    private static String article(String title, String body) {
        return "{\"title\": \"" + title + "\", \"body\": \"" + body + "\"}";
    }

    private static Response createArticle(TestUser editor, String key, String json) {
        return editor.api().contentType(ContentType.JSON).header(KEY, key).body(json).post("/api/articles");
    }

    private static Response transition(TestUser user, int claim, Map<String, Object> action, String key) {
        Map<String, Object> body = new HashMap<>(action);
        body.put("version", user.api().get("/api/claims/" + claim).then().statusCode(200).extract().path("version"));
        return send(user, claim, body, key);
    }

    private static Response send(TestUser user, int claim, Map<String, Object> body, String key) {
        var request = user.api().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header(KEY, key);
        }
        return request.post("/api/claims/" + claim + "/transitions");
    }

    private long articlesTitled(String title) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM article WHERE title = ?1").setParameter(1, title).getSingleResult()).longValue());
    }

    private long keysKept(String owner, String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM idempotency_key WHERE owner = ?1 AND key = ?2")
                .setParameter(1, owner).setParameter(2, key).getSingleResult()).longValue());
    }
}

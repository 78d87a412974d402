package org.quotecheck.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.BrowserSession;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class TokenApiTest {

    @Inject
    TestUsers users;

    @Inject
    EntityManager entityManager;

    private static RequestSpecification bearer(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }

    private Response create(TestUser admin, String name, List<String> roles, String expiresAt) {
        Map<String, Object> body = expiresAt == null ? Map.of("name", name, "roles", roles)
                : Map.of("name", name, "roles", roles, "expiresAt", expiresAt);
        return admin.api().contentType(ContentType.JSON).body(body).post("/api/tokens");
    }

    @Test
    void anEditorTokenDoesEditorWorkAndNothingElse() {
        TestUser admin = users.admin();
        Response created = create(admin, "CMS " + UUID.randomUUID(), List.of("EDITOR"), null);
        created.then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/api/tokens/"))
                .header("Cache-Control", "no-store").body("roles", equalTo(List.of("EDITOR")))
                .body("createdBy", equalTo(admin.username()));
        String token = created.path("token");
        assertThat(token).startsWith("qct_");

        int article = bearer(token).contentType(ContentType.JSON).body(Map.of("title", "Via token",
                        "body", "Mayor Dana Whitfield said, “The pier opens in May.”"))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        int claim = bearer(token).get("/api/articles/" + article + "/claims").then().statusCode(200).extract().path("[0].id");
        bearer(token).contentType(ContentType.JSON).body(Map.of("action", "TAKE", "version", 0))
                .post("/api/claims/" + claim + "/transitions").then().statusCode(200);

        // Not a reviewer, not an administrator, and not for pages.
        bearer(token).get("/api/review-queue").then().statusCode(403);
        bearer(token).get("/api/tokens").then().statusCode(403);
        bearer(token).contentType(ContentType.JSON).body(Map.of("name", "escalate", "roles", List.of("ADMIN")))
                .post("/api/tokens").then().statusCode(403);
        assertThat(bearer(token).redirects().follow(false).get("/articles").statusCode()).isEqualTo(302);

        // The review history names the token's account; the token names the person who created it.
        String publicId = created.path("publicId");
        admin.api().get("/api/claims/" + claim).then().statusCode(200)
                .body("history.actor", hasItem("api-token-" + publicId));
        admin.api().get("/api/tokens/" + created.path("id")).then().statusCode(200)
                .body("createdBy", equalTo(admin.username())).body("state", equalTo("ACTIVE"))
                .body("account", equalTo("api-token-" + publicId)).body("token", nullValue());
    }

    @Test
    void tokenNamesAreOneVisibleLine() {
        TestUser admin = users.admin();
        for (String name : List.of("CMS\u2028fake audit line", "CMS\u2029next", "CMS\u202eorp", "CMS\nnext", "CMS\u0085next")) {
            create(admin, name, List.of("EDITOR"), null).then().statusCode(422).body("errors[0].field", equalTo("name"))
                    .body("errors[0].message", org.hamcrest.Matchers.containsString("on one line"));
        }
        create(admin, "CMS \u00e9dition fran\u00e7aise \u65e5\u672c " + UUID.randomUUID(), List.of("EDITOR"), null)
                .then().statusCode(201);
    }

    /** The four-eyes rule binds people: a token is the administrator who created it, whichever way round. */
    @Test
    void nobodyApprovesTheirOwnWorkThroughAToken() {
        TestUser admin = users.admin();
        String reviewerToken = create(admin, "Review bot " + UUID.randomUUID(), List.of("REVIEWER"), null).then().statusCode(201)
                .extract().path("token");
        String editorToken = create(admin, "CMS " + UUID.randomUUID(), List.of("EDITOR"), null).then().statusCode(201)
                .extract().path("token");

        // The administrator submits in person; their reviewer token may not approve it.
        int mine = submitted(admin::api, admin);
        transition(bearer(reviewerToken), mine, "APPROVE").then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("through an API token you created"));
        transition(admin.api(), mine, "APPROVE").then().statusCode(403);

        // Their editor token submits; neither they nor their other token may approve or return it.
        int viaToken = submitted(() -> bearer(editorToken), admin);
        transition(admin.api(), viaToken, "APPROVE").then().statusCode(403);
        transition(bearer(reviewerToken), viaToken, "APPROVE").then().statusCode(403);
        // A second person may, and the token's account stays the one on record.
        transition(users.reviewer().api(), viaToken, "APPROVE").then().statusCode(200).body("state", equalTo("APPROVED"));
        transition(bearer(reviewerToken), mine, "APPROVE").then().statusCode(403);
    }

    private int submitted(java.util.function.Supplier<RequestSpecification> as, TestUser reader) {
        int article = as.get().contentType(ContentType.JSON).body(Map.of("title", "Four eyes " + UUID.randomUUID(),
                "body", "Mayor Dana Whitfield said, “The pier opens in May.”")).post("/api/articles").then().statusCode(201)
                .extract().path("id");
        int claim = reader.api().get("/api/articles/" + article + "/claims").then().extract().path("find { it.type == 'DIRECT_QUOTE' }.id");
        transition(as.get(), claim, "TAKE").then().statusCode(200);
        Map<String, Object> submit = new java.util.HashMap<>(Map.of("action", "SUBMIT", "rating", "UNVERIFIABLE",
                "note", "No recording exists.", "noSourceFound", true));
        submit.put("version", reader.api().get("/api/claims/" + claim).then().extract().path("version"));
        as.get().contentType(ContentType.JSON).body(submit).post("/api/claims/" + claim + "/transitions").then().statusCode(200);
        return claim;
    }

    private Response transition(RequestSpecification as, int claim, String action) {
        int version = users.admin().api().get("/api/claims/" + claim).then().extract().path("version");
        return as.contentType(ContentType.JSON).body(Map.of("action", action, "version", version))
                .post("/api/claims/" + claim + "/transitions");
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceAndTheRevocationIsAudited() {
        TestUser admin = users.admin();
        Response created = create(admin, "Revoke me " + UUID.randomUUID(), List.of("EDITOR", "REVIEWER"), null);
        String token = created.path("token");
        int id = created.path("id");
        bearer(token).get("/api/review-queue").then().statusCode(200);

        admin.api().delete("/api/tokens/" + id).then().statusCode(204);
        bearer(token).get("/api/review-queue").then().statusCode(401).header("WWW-Authenticate",
                org.hamcrest.Matchers.startsWith("Bearer"));
        admin.api().delete("/api/tokens/" + id).then().statusCode(204);
        admin.api().get("/api/tokens/" + id).then().body("state", equalTo("REVOKED")).body("revokedBy", equalTo(admin.username()));
        assertThat(auditKinds(id)).containsExactly("TOKEN_CREATED", "TOKEN_REVOKED");
        assertThat(auditActors(id)).containsOnly(admin.username());
    }

    @Test
    void anExpiredTokenIsRefusedAndExpiryMustLieAhead() {
        TestUser admin = users.admin();
        Response created = create(admin, "Short-lived " + UUID.randomUUID(), List.of("EDITOR"),
                OffsetDateTime.now().plusHours(1).toString());
        String token = created.path("token");
        bearer(token).get("/api/articles").then().statusCode(200);
        expire(created.path("id"));
        bearer(token).get("/api/articles").then().statusCode(401);

        create(admin, "Past " + UUID.randomUUID(), List.of("EDITOR"), "2001-01-01").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("expiresAt"));
        create(admin, "Garbled " + UUID.randomUUID(), List.of("EDITOR"), "next tuesday").then().statusCode(422)
                .body("errors[0].field", equalTo("expiresAt"));
        create(admin, " ", List.of("WIZARD"), null).then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "roles"));
        // Tokens do an integration's work; they never administer (a leaked one could otherwise make lasting accounts).
        create(admin, "Too mighty " + UUID.randomUUID(), List.of("EDITOR", "ADMIN"), null).then().statusCode(422)
                .body("errors[0].field", equalTo("roles")).body("errors[0].message", org.hamcrest.Matchers.containsString("cannot administer"));
    }

    @Test
    void wrongAndForgedTokensAreRefusedAndOnlyAdministratorsManageTokens() {
        bearer("qct_00000000_" + "A".repeat(43)).get("/api/articles").then().statusCode(401);
        bearer("not-a-token").get("/api/articles").then().statusCode(401);
        TestUser admin = users.admin();
        String token = create(admin, "Real " + UUID.randomUUID(), List.of("EDITOR"), null).path("token");
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        bearer(forged).get("/api/articles").then().statusCode(401);
        users.editor().api().get("/api/tokens").then().statusCode(403);
        RestAssured.given().get("/api/tokens").then().statusCode(401);
    }

    @Test
    void theTokenIsShownOnceStoredAsADigestAndNotReplayed() {
        TestUser admin = users.admin();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "Retried " + key, "roles", List.of("EDITOR"));
        Response first = admin.api().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/tokens");
        Response again = admin.api().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/tokens");
        String token = first.path("token");
        assertThat(token).isNotBlank();
        again.then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first.<Integer>path("id")))
                .body("token", nullValue());
        admin.api().get("/api/tokens").then().statusCode(200).body("token", org.hamcrest.Matchers.everyItem(nullValue()));
        assertThat(storedTextContaining(token.substring(13))).isZero();
        assertThat(tokensWithDigestOf(token)).isEqualTo(1);
    }

    @Test
    void anAdministratorCreatesAndRevokesATokenOnThePage() {
        TestUser admin = users.admin();
        BrowserSession session = admin.signIn();
        String csrf = session.csrfToken("/admin/tokens");
        String name = "Page token " + UUID.randomUUID();
        Response page = session.request().contentType(ContentType.URLENC).formParam("csrf-token", csrf)
                .formParam("name", name).formParam("roles", "EDITOR").formParam("expiresAt", "")
                .post("/admin/tokens");
        assertThat(page.statusCode()).isEqualTo(201);
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        String html = page.asString();
        assertThat(html).contains("shown only once").containsPattern("value=\"qct_[0-9a-f]{8}_[A-Za-z0-9_-]{43}\"");
        String token = html.replaceAll("(?s).*value=\"(qct_[^\"]+)\".*", "$1");
        bearer(token).get("/api/articles").then().statusCode(200);

        Response refused = session.request().contentType(ContentType.URLENC).formParam("csrf-token", csrf)
                .formParam("name", "").post("/admin/tokens");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("No token was created").doesNotContain("value=\"qct_");

        long id = ((Number) entityManager.createNativeQuery("select id from api_token where name = ?1")
                .setParameter(1, name).getSingleResult()).longValue();
        Response revoked = session.request().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("csrf-token", csrf).post("/admin/tokens/" + id + "/revoke");
        assertThat(revoked.statusCode()).isEqualTo(303);
        bearer(token).get("/api/articles").then().statusCode(401);
        assertThat(session.get("/admin/tokens").asString()).contains("revoked").contains(name);
        // Token accounts are not people: the users page does not list them, their roles are fixed, and nobody can take
        // a name that looks like one.
        assertThat(session.get("/admin/users").asString()).doesNotContain("api-token-");
        long account = ((Number) entityManager.createNativeQuery("select account_id from api_token where id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
        admin.api().contentType(ContentType.JSON).body(Map.of("roles", List.of("ADMIN"))).put("/api/users/" + account + "/roles")
                .then().statusCode(409);
        admin.api().contentType(ContentType.JSON).body(Map.of("username", "api-token-12345678", "password", "long-enough-pw-1",
                "roles", List.of("EDITOR"))).post("/api/users").then().statusCode(422).body("errors[0].field", equalTo("username"));
    }

    @Transactional
    void expire(int id) {
        entityManager.createNativeQuery("update api_token set expires_at = now() - interval '1 second' where id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<String> auditKinds(int tokenId) {
        return entityManager.createNativeQuery("select e.kind from audit_event e join api_token t on t.account_id = e.subject_user_id"
                + " where t.id = ?1 order by e.id").setParameter(1, tokenId).getResultList();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<String> auditActors(int tokenId) {
        return entityManager.createNativeQuery("select u.username from audit_event e join api_token t on t.account_id ="
                + " e.subject_user_id join app_user u on u.id = e.actor_id where t.id = ?1").setParameter(1, tokenId).getResultList();
    }

    /** Rows where a token's secret could have been written: idempotency answers and the audit log. */
    @Transactional
    long storedTextContaining(String secret) {
        String like = "%" + secret + "%";
        return ((Number) entityManager.createNativeQuery("select (select count(*) from idempotency_key where coalesce(body, '')"
                        + " like ?1) + (select count(*) from audit_event where coalesce(cast(details as text), '') like ?1)")
                .setParameter(1, like).getSingleResult()).longValue();
    }

    /** Tokens whose stored digest is the SHA-256 of this token. */
    @Transactional
    long tokensWithDigestOf(String token) {
        return ((Number) entityManager.createNativeQuery("select count(*) from api_token where secret_digest ="
                + " sha256(convert_to(?1, 'UTF8'))").setParameter(1, token).getSingleResult()).longValue();
    }
}

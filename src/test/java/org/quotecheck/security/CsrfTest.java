package org.quotecheck.security;

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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every unsafe request to a page carries this session's token, whatever its content type; a browser request from
 * another site is refused whatever it carries.
 */
@QuarkusTest
class CsrfTest {

    @Inject
    TestUsers users;

    private int article(TestUser editor) {
        return editor.api().contentType(ContentType.JSON).body(Map.of("title", "Keep me", "body", "The mayor said, “We will build it.”"))
                .post("/api/articles").then().statusCode(201).extract().path("id");
    }

    @Test
    void aDeleteWithoutContentTypeOrTokenIsRefusedAndDeletesNothing() {
        TestUser admin = users.admin();
        int article = article(admin);
        BrowserSession session = admin.signIn();
        // No Content-Type, only the session cookie, a foreign Origin: what the review saw succeed.
        session.request().header("Origin", "https://evil.example").post("/articles/" + article + "/delete")
                .then().statusCode(403);
        // No Content-Type and no Origin (an old browser, a script): no token, no deletion.
        session.request().post("/articles/" + article + "/delete").then().statusCode(400);
        // Other content types are refused too (this form accepts only form posts).
        assertThat(session.request().contentType(ContentType.JSON).body("{}").post("/articles/" + article + "/delete")
                .statusCode()).isIn(400, 415);
        assertThat(session.request().contentType(ContentType.TEXT).body("csrf-token=x").post("/articles/" + article + "/delete")
                .statusCode()).isIn(400, 415);
        session.request().post("/logout").then().statusCode(400);
        admin.api().get("/api/articles/" + article).then().statusCode(200);
        // With the page's token it works.
        assertThat(session.postForm("/articles/" + article + "/delete", "/articles/" + article + "/delete", Map.of())
                .statusCode()).isEqualTo(303);
        admin.api().get("/api/articles/" + article).then().statusCode(404);
    }

    @Test
    void theTokenMayAlsoComeAsAHeader() {
        TestUser admin = users.admin();
        int article = article(admin);
        BrowserSession session = admin.signIn();
        String token = session.csrfToken("/articles/" + article);
        session.request().header(CsrfTokens.HEADER, token).post("/articles/" + article + "/delete").then().statusCode(303);
    }

    @Test
    void tokensAreBoundToTheSession() {
        TestUser admin = users.admin();
        int article = article(admin);
        BrowserSession mine = admin.signIn();
        BrowserSession other = users.admin().signIn();
        String othersToken = other.csrfToken("/articles");
        mine.request().contentType(ContentType.URLENC).formParam("csrf-token", othersToken)
                .post("/articles/" + article + "/delete").then().statusCode(400).body(containsString("expired"));
        // A token from before signing out is worthless afterwards, even in a new session of the same account.
        String before = mine.csrfToken("/articles");
        mine.postForm("/articles", "/logout", Map.of());
        BrowserSession again = admin.signIn();
        again.request().contentType(ContentType.URLENC).formParam("csrf-token", before)
                .post("/articles/" + article + "/delete").then().statusCode(400);
        admin.api().get("/api/articles/" + article).then().statusCode(200);
    }

    @Test
    void crossSiteRequestsAreRefusedEvenWithAValidToken() {
        TestUser admin = users.admin();
        int article = article(admin);
        BrowserSession session = admin.signIn();
        String token = session.csrfToken("/articles/" + article);
        for (Map<String, String> headers : new Map[] {Map.of("Sec-Fetch-Site", "cross-site"), Map.of("Sec-Fetch-Site", "same-site"),
                Map.of("Origin", "null"), Map.of("Origin", "http://attacker.example")}) {
            Response refused = session.request().headers(headers).contentType(ContentType.URLENC).formParam("csrf-token", token)
                    .post("/articles/" + article + "/delete");
            assertThat(refused.statusCode()).as(headers.toString()).isEqualTo(403);
            assertThat(refused.asString()).contains("another site");
        }
        // The API is guarded the same way against browsers on other sites.
        admin.api().header("Origin", "http://attacker.example").contentType(ContentType.JSON)
                .body(Map.of("title", "T", "body", "B")).post("/api/articles").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        // A same-origin browser request passes.
        session.request().header("Sec-Fetch-Site", "same-origin").header("Origin", "http://localhost")
                .header("Host", "localhost").contentType(ContentType.URLENC).formParam("csrf-token", token)
                .post("/articles/" + article + "/delete").then().statusCode(303);
    }

    @Test
    void theSignInFormHasATokenBoundToAPreSessionCookie() {
        TestUser editor = users.editor();
        BrowserSession browser = BrowserSession.anonymous();
        Response page = browser.get("/login");
        String setCookie = page.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("quotecheck-presession=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        // Without the token (a login-CSRF attempt from another page), nobody is signed in.
        browser.request().contentType(ContentType.URLENC).formParam("username", editor.username())
                .formParam("password", editor.password()).post("/login").then().statusCode(400);
        assertThat(browser.submitSignIn(editor.username(), editor.password()).statusCode()).isEqualTo(303);
    }
}

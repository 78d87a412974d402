package org.quotecheck.user;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.BrowserSession;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SecurityTest {

    @Inject
    TestUsers users;

    @Test
    void pagesRedirectAnonymousVisitorsToTheLoginPage() {
        given().redirects().follow(false).get("/articles")
                .then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void apiAnswersAnonymousCallersWith401AndABasicChallenge() {
        given().get("/api/articles")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Basic"));
    }

    @Test
    void wrongPasswordIsRefusedAndTheFormKeepsTheUsername() {
        TestUser editor = users.editor();
        given().auth().preemptive().basic(editor.username(), "not-the-password").get("/api/articles")
                .then().statusCode(401);
        BrowserSession browser = BrowserSession.anonymous();
        Response wrong = browser.submitSignIn(editor.username(), "not-the-password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.asString()).contains("Wrong username or password")
                .contains("value=\"" + editor.username() + "\"");
        assertThat(wrong.cookies()).doesNotContainKey("quotecheck-session");
        assertThat(browser.submitSignIn(editor.username(), editor.password()).statusCode()).isEqualTo(303);
    }

    @Test
    void loginPageHealthAndStaticAssetsNeedNoLogin() {
        given().get("/login").then().statusCode(200).body(containsString("action=\"/login\""));
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/css/app.css").then().statusCode(200);
        given().get("/webjars/htmx.org/2.0.4/dist/htmx.min.js").then().statusCode(200);
    }

    @Test
    void demoPasswordIsNotShownOutsideDevMode() {
        given().get("/login").then().body(org.hamcrest.Matchers.not(containsString("Demo accounts")));
    }

    @Test
    void metricsAreForAdministratorsAndOpenApiNeedsALogin() {
        given().redirects().follow(false).get("/q/metrics").then().statusCode(302);
        TestUser reviewer = users.reviewer();
        reviewer.api().get("/q/metrics").then().statusCode(403);
        users.editor().api().get("/q/metrics").then().statusCode(403);
        users.admin().api().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        reviewer.api().get("/q/openapi").then().statusCode(200).body(containsString("/api/articles"));
    }

    @Test
    void rolesAreEnforcedOnTheServer() {
        TestUser reviewer = users.reviewer();
        reviewer.api().contentType(ContentType.JSON).body(Map.of("title", "T", "body", "B"))
                .post("/api/articles").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        reviewer.api().contentType(ContentType.JSON)
                .body(Map.of("username", "someone-new", "password", "long-enough-pw", "roles", new String[] {"EDITOR"}))
                .post("/api/users").then().statusCode(403);
        BrowserSession page = reviewer.signIn();
        page.get("/articles/new").then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("Forbidden"));
        page.get("/admin/users").then().statusCode(403);
        page.get("/admin/tokens").then().statusCode(403);
        String csrf = page.csrfToken("/articles");
        page.request().contentType(ContentType.URLENC).formParam("csrf-token", csrf).formParam("name", "mine")
                .formParam("roles", "ADMIN").post("/admin/tokens").then().statusCode(403);
        reviewer.api().delete("/api/tokens/1").then().statusCode(403);
    }

    @Test
    void navigationShowsOnlyWhatTheRoleMayDo() {
        String reviewerPage = users.reviewer().signIn().get("/articles").asString();
        assertThat(reviewerPage).contains("Signed in as").doesNotContain("href=\"/articles/new\"").doesNotContain("/admin/users")
                .doesNotContain("/admin/tokens");
        String adminPage = users.admin().signIn().get("/articles").asString();
        assertThat(adminPage).contains("href=\"/articles/new\"").contains("href=\"/admin/users\"").contains("href=\"/admin/tokens\"");
    }

    @Test
    void securityHeadersAreSetOnPages() {
        Response page = given().get("/login");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline")
                .contains("frame-ancestors 'none'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() {
        TestUser editor = users.editor();
        BrowserSession browser = BrowserSession.anonymous();
        Response login = browser.submitSignIn(editor.username(), editor.password());
        String setCookie = login.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("quotecheck-session=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void signOutEndsTheSessionOnTheServerNotOnlyInThisBrowser() {
        TestUser editor = users.editor();
        BrowserSession session = editor.signIn();
        java.util.Map<String, String> saved = new java.util.HashMap<>(session.cookies());
        session.get("/articles").then().statusCode(200);
        Response out = session.postForm("/articles", "/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).isEqualTo("/login?out");
        String cleared = out.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("quotecheck-session=")).findFirst().orElseThrow();
        assertThat(cleared).containsIgnoringCase("Max-Age=0");
        given().get("/login?out").then().body(containsString("You are signed out"));

        // The cookie saved before signing out (a copy kept by an attacker, another tab) no longer works anywhere.
        given().redirects().follow(false).cookies(saved).get("/articles").then().statusCode(302)
                .header("Location", startsWith("/login"));
        given().cookies(saved).get("/api/articles").then().statusCode(401);
        // Signing in again starts a new session that works.
        editor.signIn().get("/articles").then().statusCode(200);
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        TestUser editor = users.editor();
        String stored = storedPassword(editor.username());
        assertThat(stored).startsWith("$2").doesNotContain(editor.password());
    }

    @jakarta.transaction.Transactional
    String storedPassword(String username) {
        return User.findByUsername(username).orElseThrow().password;
    }

    @Test
    void anAdministratorCreatesUsersAndChangesRoles() {
        TestUser admin = users.admin();
        String username = "new-" + System.nanoTime();
        Number id = admin.api().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "a-long-password", "displayName", "New Person",
                        "roles", new String[] {"EDITOR"}))
                .post("/api/users").then().statusCode(201).header("Location", containsString("/api/users/"))
                .body("username", equalTo(username)).body("roles[0]", equalTo("EDITOR"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("password")))
                .extract().path("id");
        given().auth().preemptive().basic(username, "a-long-password").contentType(ContentType.JSON)
                .body(Map.of("title", "By the new editor", "body", "Text.")).post("/api/articles").then().statusCode(201);
        admin.api().contentType(ContentType.JSON).body(Map.of("roles", new String[] {"REVIEWER"}))
                .put("/api/users/" + id + "/roles").then().statusCode(200).body("roles[0]", equalTo("REVIEWER"));
        given().auth().preemptive().basic(username, "a-long-password").contentType(ContentType.JSON)
                .body(Map.of("title", "No longer allowed", "body", "Text.")).post("/api/articles").then().statusCode(403);
    }

    @Test
    void invalidNewUsersGetFieldErrors() {
        TestUser admin = users.admin();
        admin.api().contentType(ContentType.JSON)
                .body(Map.of("username", "X", "password", "short", "roles", new String[] {"CHIEF"}))
                .post("/api/users").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("username", "password", "roles"));
        admin.api().contentType(ContentType.JSON)
                .body(Map.of("username", admin.username(), "password", "long-enough-pw", "roles", new String[] {"EDITOR"}))
                .post("/api/users").then().statusCode(422).body("errors[0].message", containsString("taken"));
    }

    @Test
    void adminPageCreatesAUserThroughTheForm() {
        BrowserSession admin = users.admin().signIn();
        String token = admin.csrfToken("/admin/users");
        String username = "form-" + System.nanoTime();
        admin.request().contentType(ContentType.URLENC).formParam("csrf-token", token)
                .formParam("username", username).formParam("password", "a-long-password")
                .formParam("displayName", "Form <b>Person</b>").formParam("roles", "REVIEWER")
                .post("/admin/users").then().statusCode(303);
        String list = admin.get("/admin/users").asString();
        assertThat(list).contains(username).contains("Form &lt;b&gt;Person&lt;/b&gt;");
        RestAssured.given().auth().preemptive().basic(username, "a-long-password").get("/api/articles").then().statusCode(200);
    }
}

package org.quotecheck.web;

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
import static org.hamcrest.Matchers.equalTo;

/** Requests that used to end in 500 get the 4xx they deserve, and nothing is half done. */
@QuarkusTest
class BadRequestsTest {

    @Inject
    TestUsers users;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URI root;

    @Test
    void aPostWithoutContentTypeIsAClientError() {
        TestUser editor = users.editor();
        for (String path : new String[] {"/api/articles", "/api/sources", "/api/verify", "/api/users"}) {
            Response answer = editor.api().body("{\"title\":\"x\"}".getBytes()).post(path);
            assertThat(answer.statusCode()).as(path).isIn(400, 403, 415);
        }
        editor.api().post("/api/articles").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void brokenContentTypesAreClientErrorsEvenBeforeSignIn() throws Exception {
        // An empty media type, and multipart without a boundary: both ended in 500 without a login.
        for (String type : new String[] {"", ";", "multipart/form-data; boundary=", "multipart/form-data", "not a type"}) {
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(root.resolve("/login")).header("Content-Type", type)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("'" + type + "'").isEqualTo(400);
        }
    }

    @Test
    void nulCharactersAreClientErrorsAndSaveNothing() {
        TestUser editor = users.editor();
        for (String path : new String[] {"/api/articles?q=%00", "/api/review-queue?editor=a%00b"}) {
            assertThat(editor.api().urlEncodingEnabled(false).get(path).statusCode()).as(path).isEqualTo(400);
        }
        assertThat(editor.signIn().request().urlEncodingEnabled(false).get("/sources?q=%00").statusCode()).isEqualTo(400);
        String title = "Nul " + System.nanoTime();
        editor.api().contentType(ContentType.JSON).body(Map.of("title", title + " \u0000", "body", "A body."))
                .post("/api/articles").then().statusCode(422).contentType("application/problem+json");
        editor.api().queryParam("q", title).get("/api/articles").then().body("total", equalTo(0));
        editor.api().contentType(ContentType.JSON).body(Map.of("title", "\u0000", "type", "TRANSCRIPT", "text", "Words."))
                .post("/api/sources").then().statusCode(422);
    }

    @Test
    void hugePageNumbersAndCursorsAreClientErrorsOrEmptyPages() {
        TestUser admin = users.admin();
        admin.api().queryParam("page", Integer.MAX_VALUE).get("/api/articles").then().statusCode(200)
                .body("items.size()", equalTo(0));
        BrowserSession page = admin.signIn();
        for (String path : new String[] {"/articles", "/sources"}) {
            assertThat(page.request().queryParam("page", Integer.MAX_VALUE).get(path).statusCode()).as(path).isEqualTo(200);
            assertThat(page.request().queryParam("page", "99999999999999").get(path).statusCode()).as(path).isEqualTo(400);
        }
        for (String cursor : new String[] {"-9223372036854775808_1", "9223372036854775807_9223372036854775807", "1_", "_1",
                "99999999999999999999_1"}) {
            admin.api().queryParam("after", cursor).get("/api/review-queue").then().statusCode(422);
            assertThat(page.request().queryParam("after", cursor).get("/review").statusCode()).as(cursor).isEqualTo(422);
        }
    }

    @Test
    void aFileNameOverThreeHundredCharactersIsAFieldError() {
        BrowserSession editor = users.editor().signIn();
        String token = editor.csrfToken("/sources/new");
        Response answer = editor.request().multiPart("csrf-token", token).multiPart("title", "Long name")
                .multiPart("type", "TRANSCRIPT").multiPart("file", "n".repeat(320) + ".txt", "Some text.".getBytes(), "text/plain")
                .post("/sources");
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.asString()).contains("file name is longer than 255 characters");
    }

    @Test
    void aTwentyDigitCaptionHourIsAFieldError() {
        BrowserSession editor = users.editor().signIn();
        String token = editor.csrfToken("/sources/new");
        String captions = "1\n99999999999999999999:00:01,000 --> 99999999999999999999:00:04,000\nHello there.\n";
        Response answer = editor.request().multiPart("csrf-token", token).multiPart("title", "Odd captions")
                .multiPart("type", "CAPTIONS").multiPart("file", "odd.srt", captions.getBytes(), "text/plain").post("/sources");
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.asString()).contains("time");
    }

    @Test
    void malformedFormBodiesAreClientErrors() throws Exception {
        TestUser editor = users.editor();
        BrowserSession page = editor.signIn();
        String token = page.csrfToken("/articles/new");
        Response multipart = page.request().header("Content-Type", "multipart/form-data; boundary=XYZ")
                .body("--XYZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nunterminated".getBytes()).post("/articles");
        assertThat(multipart.statusCode()).isBetween(400, 499);
        Response noBoundary = page.request().header("Content-Type", "multipart/form-data")
                .body("garbage".getBytes()).post("/articles");
        assertThat(noBoundary.statusCode()).isBetween(400, 499);
        // RestAssured re-encodes form bodies; send this one byte for byte.
        String cookies = page.cookies().entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        java.net.http.HttpResponse<String> urlencoded = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(root.resolve("/articles"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("csrf-token=" + token + "&title=%ZZ%&body=%"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(urlencoded.statusCode()).isBetween(400, 499);
    }

    @Test
    void aBackLinkWithASpaceStillRedirectsAfterTheApprovalIsSaved() {
        TestUser editor = users.editor();
        TestUser reviewer = users.reviewer();
        int article = editor.api().contentType(ContentType.JSON)
                .body(Map.of("title", "Back link", "body", "Mayor Dana Whitfield said, “The pier reopens in June.”"))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        int claim = editor.api().get("/api/articles/" + article + "/claims").then().extract().path("find { it.type == 'DIRECT_QUOTE' }.id");
        transition(editor, claim, Map.of("action", "TAKE"));
        transition(editor, claim, Map.of("action", "SUBMIT", "rating", "UNVERIFIABLE", "note", "No recording.", "noSourceFound", true));
        int version = editor.api().get("/api/claims/" + claim).then().extract().path("version");
        BrowserSession page = reviewer.signIn();
        Response decided = page.postForm("/review", "/review/claims/" + claim,
                Map.of("action", "APPROVE", "version", version, "back", "editor=a b&type=DIRECT_QUOTE"));
        assertThat(decided.statusCode()).isEqualTo(303);
        assertThat(decided.header("Location")).startsWith("/review?").doesNotContain(" ");
        reviewer.api().get("/api/claims/" + claim).then().body("state", equalTo("APPROVED"));
    }

    /** Thousands of form fields, before any login: a clear 4xx, no stack trace in the log (N6). */
    @Test
    void aFormWithThousandsOfFieldsIsAClientErrorEvenBeforeSignIn() {
        BrowserSession anonymous = BrowserSession.anonymous();
        String token = anonymous.csrfToken("/login");
        StringBuilder form = new StringBuilder("csrf-token=").append(token).append("&username=x&password=y");
        for (int i = 0; i < 1_001; i++) {
            form.append("&f").append(i).append("=v");
        }
        Response answer = anonymous.request().contentType("application/x-www-form-urlencoded").body(form.toString()).post("/login");
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.asString()).doesNotContain("Exception");
    }

    private static void transition(TestUser user, int claim, Map<String, Object> body) {
        int version = user.api().get("/api/claims/" + claim).then().extract().path("version");
        Map<String, Object> withVersion = new java.util.HashMap<>(body);
        withVersion.put("version", version);
        user.api().contentType(ContentType.JSON).body(withVersion).post("/api/claims/" + claim + "/transitions").then().statusCode(200);
    }
}

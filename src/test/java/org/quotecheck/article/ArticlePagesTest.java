package org.quotecheck.article;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.BrowserSession;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ArticlePagesTest {

    @Inject
    TestUsers users;

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response postForm(BrowserSession session, String path, String token, Map<String, String> fields) {
        var request = session.request().multiPart("csrf-token", token);
        fields.forEach((name, value) -> request.multiPart(name, value));
        return request.post(path);
    }

    private static long idFrom(Response redirect) {
        String location = redirect.header("Location");
        return Long.parseLong(location.replaceAll(".*/articles/(\\d+).*", "$1"));
    }

    @Test
    void editorCreatesAnArticleThroughTheFormAndSeesIt() {
        BrowserSession editor = users.editor().signIn();
        String token = editor.csrfToken("/articles/new");
        String title = unique("Council budget");
        Response saved = postForm(editor, "/articles", token, Map.of("title", title, "outlet", "Gazette",
                "publishedAt", "2025-11-02", "body", "The council approved 46 percent more.\r\nSecond paragraph."));
        assertThat(saved.statusCode()).isEqualTo(303);
        String page = editor.get(saved.header("Location")).asString();
        String text = page.replaceAll("<[^>]+>", "");
        assertThat(page).contains(title).contains("Article saved.").contains("Gazette");
        assertThat(text).contains("The council approved 46 percent more.").contains("Second paragraph.");
        assertThat(editor.get("/articles?q=" + title.split(" ")[2]).asString()).contains(title);
    }

    @Test
    void anArticleInAScriptWithoutSpeakerRulesSaysSoInItsClaimList() {
        TestUser editor = users.editor();
        int hebrew = editor.api().contentType(ContentType.JSON)
                .body(Map.of("title", unique("Hebrew"), "body", "ראש העיר אמר: ”נפתח את הגשר במאי.“"))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        int korean = editor.api().contentType(ContentType.JSON)
                .body(Map.of("title", unique("Korean"), "body", "이재명 대통령은 “회담은 45분간 진행됐다”고 말했다."))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        BrowserSession session = editor.signIn();
        assertThat(session.get("/articles/" + hebrew).asString())
                .contains("Quotecheck does not resolve speakers in Hebrew text yet");
        assertThat(session.get("/articles/" + korean).asString()).doesNotContain("does not resolve speakers");
        editor.api().get("/api/articles/" + korean + "/claims").then().body("[0].speaker", equalTo("이재명"));
    }

    @Test
    void missingFieldsReRenderTheFormWithMessagesAndKeepTheText() {
        BrowserSession editor = users.editor().signIn();
        String token = editor.csrfToken("/articles/new");
        Response response = postForm(editor, "/articles", token,
                Map.of("title", "", "body", "Text I typed for an hour <em>really</em>", "url", "not a url"));
        assertThat(response.statusCode()).isEqualTo(422);
        String html = response.asString();
        assertThat(html).contains("The article was not saved").contains("id=\"title-error\"")
                .contains("Enter the article&#39;s headline.").contains("id=\"url-error\"")
                .contains("Text I typed for an hour &lt;em&gt;really&lt;/em&gt;").contains("aria-invalid=\"true\"");
    }

    @Test
    void bodyOverTwoMegabytesIsRefusedWith413AndAClearMessage() {
        BrowserSession editor = users.editor().signIn();
        String token = editor.csrfToken("/articles/new");
        Response response = postForm(editor, "/articles", token,
                Map.of("title", "Too long", "body", "x".repeat(ArticleInput.MAX_BODY_BYTES + 100)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.asString()).contains("the limit is 2 MB");
    }

    @Test
    void uploadedHtmlIsReducedToItsText() {
        BrowserSession editor = users.editor().signIn();
        String token = editor.csrfToken("/articles/new");
        String title = unique("Uploaded");
        String html = "<html><head><title>x</title><style>p{}</style></head><body><nav>Home | World</nav>"
                + "<article><h1>Headline</h1><p>“We will not raise taxes,” the mayor said.</p>"
                + "<script>alert(1)</script><p>Second &amp; last.</p></article></body></html>";
        Response saved = editor.request().multiPart("csrf-token", token).multiPart("title", title).multiPart("body", "")
                .multiPart("file", "story.html", html.getBytes(StandardCharsets.UTF_8), "text/html").post("/articles");
        assertThat(saved.statusCode()).isEqualTo(303);
        users.editor().api().get("/api/articles/" + idFrom(saved)).then()
                .body("body", equalTo("Headline\n“We will not raise taxes,” the mayor said.\nSecond & last."));
    }

    @Test
    void uploadThatIsNotTextIsRefusedClearly() {
        BrowserSession editor = users.editor().signIn();
        String token = editor.csrfToken("/articles/new");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe};
        Response binary = editor.request().multiPart("csrf-token", token).multiPart("title", "Image")
                .multiPart("file", "photo.txt", png, "text/plain").post("/articles");
        assertThat(binary.statusCode()).isEqualTo(422);
        assertThat(binary.asString()).contains("is not a UTF-8 text file");
        Response wrongKind = editor.request().multiPart("csrf-token", token).multiPart("title", "Sheet")
                .multiPart("file", "numbers.xlsx", "a,b".getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .post("/articles");
        assertThat(wrongKind.statusCode()).isEqualTo(422);
        assertThat(wrongKind.asString()).contains("Upload the article as plain text (.txt), Markdown (.md) or a web page (.html)");
    }

    @Test
    void formPostWithoutCsrfTokenIsRejectedAndSavesNothing() {
        TestUser user = users.editor();
        BrowserSession editor = user.signIn();
        editor.get("/articles/new");
        String title = unique("Forged");
        Response forged = editor.request().multiPart("title", title).multiPart("body", "Forged text").post("/articles");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.asString()).contains("Form expired");
        Response wrongToken = editor.request().contentType(ContentType.URLENC).formParam("csrf-token", "AAAAAAAAAAAAAAAAAAAAAA")
                .formParam("title", title).formParam("body", "Forged text").post("/articles");
        assertThat(wrongToken.statusCode()).isEqualTo(400);
        user.api().queryParam("q", title).get("/api/articles").then().body("total", equalTo(0));
    }

    @Test
    void staleEditIsA409ThatKeepsTheUsersTextAndShowsTheSavedVersion() {
        TestUser author = users.editor();
        int id = author.api().contentType(ContentType.JSON).body(Map.of("title", "Original", "body", "First text."))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        BrowserSession first = author.signIn();
        BrowserSession second = users.editor().signIn();
        String firstToken = first.csrfToken("/articles/" + id + "/edit");
        String secondToken = second.csrfToken("/articles/" + id + "/edit");

        Response winner = postForm(second, "/articles/" + id, secondToken,
                Map.of("version", "0", "title", "Second editor's title", "body", "Second text."));
        assertThat(winner.statusCode()).isEqualTo(303);

        Response stale = postForm(first, "/articles/" + id, firstToken,
                Map.of("version", "0", "title", "My title", "body", "My careful rewrite."));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.asString()).contains("changed while you were editing").contains("My careful rewrite.")
                .contains("Second text.").contains("name=\"version\" value=\"1\"");
        author.api().get("/api/articles/" + id).then().body("body", equalTo("Second text.")).body("version", equalTo(1));

        Response retry = postForm(first, "/articles/" + id, firstToken,
                Map.of("version", "1", "title", "My title", "body", "My careful rewrite."));
        assertThat(retry.statusCode()).isEqualTo(303);
        author.api().get("/api/articles/" + id).then().body("body", equalTo("My careful rewrite."));
    }

    @Test
    void changesToDifferentFieldsAreMergedAndAConflictShowsWhoSavedAndTheWordsThatDiffer() {
        TestUser author = users.editor();
        TestUser other = users.editor();
        int id = author.api().contentType(ContentType.JSON).body(Map.of("title", "Harbour plan", "outlet", "Gazette",
                "body", "Ferries run daily.\nThe harbour will reopen in May after repairs.")).post("/api/articles").then().statusCode(201).extract().path("id");
        BrowserSession mine = author.signIn();
        BrowserSession theirs = other.signIn();
        String form = mine.get("/articles/" + id + "/edit").asString();
        Map<String, String> base = new java.util.HashMap<>();
        for (String field : List.of("baseTitle", "baseOutlet", "baseUrl", "basePublishedAt", "baseBodyHash")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"" + field + "\" value=\"([^\"]*)\"").matcher(form);
            assertThat(m.find()).as(field).isTrue();
            base.put(field, m.group(1));
        }
        String myToken = mine.csrfToken("/articles/" + id + "/edit");
        String theirToken = theirs.csrfToken("/articles/" + id + "/edit");
        // They change the outlet; I change the body, from the version we both opened.
        Map<String, String> theirEdit = new java.util.HashMap<>(base);
        theirEdit.putAll(Map.of("version", "0", "title", "Harbour plan", "outlet", "Evening Gazette",
                "body", "Ferries run daily.\r\nThe harbour will reopen in May after repairs."));
        assertThat(postForm(theirs, "/articles/" + id, theirToken, theirEdit).statusCode()).isEqualTo(303);
        Map<String, String> myEdit = new java.util.HashMap<>(base);
        myEdit.putAll(Map.of("version", "0", "title", "Harbour plan", "outlet", "Gazette",
                "body", "Ferries run daily.\r\nThe harbour will reopen in June after repairs."));
        Response merged = postForm(mine, "/articles/" + id, myToken, myEdit);
        assertThat(merged.statusCode()).isEqualTo(303);
        assertThat(merged.header("Location")).contains("notice=merged");
        author.api().get("/api/articles/" + id).then().body("outlet", equalTo("Evening Gazette"))
                .body("body", equalTo("Ferries run daily.\nThe harbour will reopen in June after repairs.")).body("version", equalTo(2));

        // Both change the body: a conflict, named after who saved last, with the differing words marked.
        String form2 = theirs.get("/articles/" + id + "/edit").asString();
        Map<String, String> base2 = new java.util.HashMap<>();
        for (String field : List.of("baseTitle", "baseOutlet", "baseUrl", "basePublishedAt", "baseBodyHash")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"" + field + "\" value=\"([^\"]*)\"").matcher(form2);
            assertThat(m.find()).isTrue();
            base2.put(field, m.group(1));
        }
        Map<String, String> first = new java.util.HashMap<>(base2);
        first.putAll(Map.of("version", "2", "title", "Harbour plan", "outlet", "Evening Gazette",
                "body", "Ferries run daily.\r\nThe harbour will reopen in July after repairs."));
        assertThat(postForm(mine, "/articles/" + id, mine.csrfToken("/articles/" + id + "/edit"), first).statusCode()).isEqualTo(303);
        Map<String, String> second = new java.util.HashMap<>(base2);
        second.putAll(Map.of("version", "2", "title", "Harbour plan, revised", "outlet", "Evening Gazette",
                "body", "Ferries run daily.\r\nThe harbour will reopen in August after repairs."));
        Response conflict = postForm(theirs, "/articles/" + id, theirToken, second);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.asString()).contains("last saved by <strong>" + author.username() + "</strong>")
                .contains("<del class=\"diff-saved\">July </del>").contains("<ins class=\"diff-mine\">August </ins>")
                .contains("Title:</strong> your change is kept").doesNotContain("<del class=\"diff-saved\">daily.");
        author.api().get("/api/articles/" + id).then().body("body", equalTo("Ferries run daily.\nThe harbour will reopen in July after repairs."));
    }

    @Test
    void onlyAdministratorsDelete() {
        TestUser editor = users.editor();
        int id = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Doomed",
                        "body", "Mayor Dana Whitfield said, “The bridge opens in May.” Costs rose 12 percent in 2025."))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        int claims = editor.api().get("/api/articles/" + id + "/claims").then().extract().path("size()");
        BrowserSession editorPages = editor.signIn();
        String token = editorPages.csrfToken("/articles/" + id + "/edit");
        Response refused = editorPages.request().contentType(ContentType.URLENC).formParam("csrf-token", token)
                .post("/articles/" + id + "/delete");
        assertThat(refused.statusCode()).isEqualTo(403);
        editor.api().get("/api/articles/" + id).then().statusCode(200);

        BrowserSession admin = users.admin().signIn();
        // The confirmation says what will be lost, and that the audit trail stays.
        assertThat(admin.get("/articles/" + id + "/delete").asString()).contains("<strong>" + claims + "</strong> claims")
                .contains("<strong>0</strong> approved verdicts").contains("<strong>0</strong> pieces of evidence")
                .contains("The audit trail keeps");
        String adminToken = admin.csrfToken("/articles/" + id + "/delete");
        Response deleted = admin.request().contentType(ContentType.URLENC).formParam("csrf-token", adminToken)
                .post("/articles/" + id + "/delete");
        assertThat(deleted.statusCode()).isEqualTo(303);
        editor.api().get("/api/articles/" + id).then().statusCode(404);
        assertThat(admin.get("/articles/" + id).asString()).contains("Not found");
    }

    @Test
    void liveFilterReturnsOnlyTheResultsFragmentToHtmx() {
        TestUser editor = users.editor();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        editor.api().contentType(ContentType.JSON).body(Map.of("title", "Fragment " + tag, "body", "Text."))
                .post("/api/articles").then().statusCode(201);
        Response fragment = editor.signIn().request().header("HX-Request", "true").queryParam("q", tag).get("/articles");
        assertThat(fragment.header("Vary")).contains("HX-Request");
        assertThat(fragment.asString()).contains("Fragment " + tag).doesNotContain("<html").startsWith("<div id=\"results\"");
    }

    /** The address names an article and a claim; a claim of another article is not found there, and stays as it was. */
    @Test
    void aClaimCannotBeEditedThroughAnotherArticlesAddress() {
        TestUser editor = users.editor();
        int first = editor.api().contentType(io.restassured.http.ContentType.JSON).body(Map.of("title", "First " + java.util.UUID.randomUUID(),
                "body", "Mayor Dana Whitfield said, \u201cThe pier opens in May.\u201d")).post("/api/articles").then().statusCode(201)
                .extract().path("id");
        int second = editor.api().contentType(io.restassured.http.ContentType.JSON).body(Map.of("title", "Second " + java.util.UUID.randomUUID(),
                "body", "Councillor Ana Ruiz said, \u201cThe ferry runs daily.\u201d")).post("/api/articles").then().statusCode(201)
                .extract().path("id");
        int claim = editor.api().get("/api/articles/" + second + "/claims").then().extract().path("find { it.type == 'DIRECT_QUOTE' }.id");
        int version = editor.api().get("/api/claims/" + claim).then().extract().path("version");
        BrowserSession page = editor.signIn();
        Response wrong = page.postForm("/articles/" + first, "/articles/" + first + "/claims/" + claim,
                Map.of("version", version, "type", "STATEMENT", "speaker", "Someone Else"));
        assertThat(wrong.statusCode()).isEqualTo(404);
        editor.api().get("/api/claims/" + claim).then().body("speaker", org.hamcrest.Matchers.equalTo("Ana Ruiz"))
                .body("type", org.hamcrest.Matchers.equalTo("DIRECT_QUOTE")).body("version", org.hamcrest.Matchers.equalTo(version));
        Response right = page.postForm("/articles/" + second, "/articles/" + second + "/claims/" + claim,
                Map.of("version", version, "type", "DIRECT_QUOTE", "speaker", "Ana Ruiz (councillor)"));
        assertThat(right.statusCode()).isEqualTo(303);
    }
}

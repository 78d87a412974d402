package org.quotecheck.article;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ArticleApiTest {

    private static final String BODY = "Mayor Ana Ruiz said the bridge would cost $2.75 million.\nIt opens in 2027.";

    @Inject
    TestUsers users;

    private static Map<String, Object> article(String title, String body) {
        Map<String, Object> json = new HashMap<>();
        json.put("title", title);
        json.put("body", body);
        return json;
    }

    @Test
    void createsAnArticleAndReturnsItWithLocation() {
        TestUser editor = users.editor();
        Map<String, Object> json = article("Bridge costs", BODY);
        json.put("outlet", "City Desk");
        json.put("url", "https://example.org/bridge");
        json.put("publishedAt", "2025-10-30");
        var created = editor.api().contentType(ContentType.JSON).body(json).post("/api/articles")
                .then().statusCode(201)
                .header("Location", containsString("/api/articles/"))
                .body("id", notNullValue()).body("title", equalTo("Bridge costs")).body("body", equalTo(BODY))
                .body("outlet", equalTo("City Desk")).body("publishedAt", equalTo("2025-10-30"))
                .body("createdBy", equalTo(editor.username())).body("claims", notNullValue())
                .extract();
        String location = created.header("Location");
        editor.api().get(location).then().statusCode(200).body("title", equalTo("Bridge costs"))
                .body("url", equalTo("https://example.org/bridge"));
        users.reviewer().api().get(location).then().statusCode(200);
    }

    @Test
    void listIsNewestFirstFilteredAndPaginated() {
        TestUser editor = users.editor();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> json = article("Story " + i + " " + tag, "Text " + i);
            json.put("outlet", "Outlet " + tag);
            editor.api().contentType(ContentType.JSON).body(json).post("/api/articles").then().statusCode(201);
        }
        editor.api().queryParam("q", tag.toUpperCase()).queryParam("size", 2).get("/api/articles")
                .then().statusCode(200).body("total", equalTo(3)).body("size", equalTo(2))
                .body("items.title", equalTo(List.of("Story 3 " + tag, "Story 2 " + tag)));
        editor.api().queryParam("q", tag).queryParam("size", 2).queryParam("page", 2).get("/api/articles")
                .then().body("items.title", equalTo(List.of("Story 1 " + tag)));
        editor.api().queryParam("q", "%_" + tag).get("/api/articles").then().body("total", equalTo(0));
    }

    @Test
    void missingTitleOrBodyIs422WithFieldErrors() {
        users.editor().api().contentType(ContentType.JSON).body(article("  ", "")).post("/api/articles")
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Invalid input")).body("status", equalTo(422))
                .body("errors.field", hasItems("title", "body"));
    }

    @Test
    void invalidUrlAndDateAreFieldErrors() {
        Map<String, Object> json = article("T", "B");
        json.put("url", "javascript:alert(1)");
        json.put("publishedAt", "30/10/2025");
        users.editor().api().contentType(ContentType.JSON).body(json).post("/api/articles")
                .then().statusCode(422).body("errors.field", hasItems("url", "publishedAt"));
    }

    @Test
    void bodyOverTwoMegabytesIs413() {
        String big = "a".repeat(ArticleInput.MAX_BODY_BYTES + 1);
        users.editor().api().contentType(ContentType.JSON).body(article("Big", big)).post("/api/articles")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("2 MB"));
    }

    @Test
    void multiByteTextIsMeasuredInBytes() {
        String korean = "가".repeat(ArticleInput.MAX_BODY_BYTES / 3 + 1); // 3 bytes each in UTF-8
        users.editor().api().contentType(ContentType.JSON).body(article("Korean", korean)).post("/api/articles")
                .then().statusCode(413);
    }

    @Test
    void wrongTypesAndMalformedJsonAre400() {
        TestUser editor = users.editor();
        editor.api().contentType(ContentType.JSON).body("{\"title\": [1, 2], \"body\": \"x\"}").post("/api/articles")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("title"));
        editor.api().contentType(ContentType.JSON).body("{\"title\": ").post("/api/articles")
                .then().statusCode(400).contentType("application/problem+json");
        editor.api().contentType(ContentType.TEXT).body("plain").post("/api/articles")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void unknownArticleIs404Problem() {
        users.editor().api().get("/api/articles/987654321").then().statusCode(404)
                .contentType("application/problem+json").body("instance", endsWith("/api/articles/987654321"));
        users.editor().api().get("/api/articles/not-a-number").then().statusCode(404);
    }

    @Test
    void markupIsStoredAsTextAndNeverRenderedAsHtml() {
        TestUser editor = users.editor();
        String title = "<script>alert('x')</script> & <b>bold</b>";
        String body = "He wrote <img src=x onerror=alert(1)> in the chat.";
        int id = editor.api().contentType(ContentType.JSON).body(article(title, body)).post("/api/articles")
                .then().statusCode(201).body("title", equalTo(title)).extract().path("id");
        String page = editor.signIn().get("/articles/" + id).asString();
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void nothingIsHalfWrittenWhenInputIsRejected() {
        TestUser editor = users.editor();
        String tag = "rejected-" + UUID.randomUUID();
        editor.api().contentType(ContentType.JSON).body(article(tag, "")).post("/api/articles").then().statusCode(422);
        editor.api().queryParam("q", tag).get("/api/articles").then().body("total", equalTo(0));
    }
}

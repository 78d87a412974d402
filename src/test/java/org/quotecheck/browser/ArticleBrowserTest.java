package org.quotecheck.browser;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.quotecheck.support.BrowserTestBase;
import org.quotecheck.support.TestUser;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A real browser: an editor signs in, creates an article through the form and reads it on the article page. */
@QuarkusTest
class ArticleBrowserTest extends BrowserTestBase {

    @Test
    void editorSignsInCreatesAnArticleAndSeesIt() {
        TestUser editor = users.editor();
        browser.get(url("/articles"));
        assertThat(browser.getCurrentUrl()).contains("/login");

        browser.findElement(By.id("username")).sendKeys(editor.username());
        browser.findElement(By.id("password")).sendKeys(editor.password());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
        assertThat(browser.findElement(By.className("account")).getText()).contains(editor.username());

        browser.findElement(By.linkText("New article")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/articles/new"));
        browser.findElement(By.cssSelector("button.primary")).click();
        assertThat(browser.findElement(By.id("title-error")).getText()).contains("headline");

        String title = "Summit lasted 45 minutes " + UUID.randomUUID().toString().substring(0, 6);
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("outlet")).sendKeys("Browser Gazette");
        WebElement body = browser.findElement(By.id("body"));
        body.clear();
        body.sendKeys("She told reporters the meeting was scheduled for 20 minutes but lasted 45 minutes.\n"
                + "Takaichi said, “We had a very enjoyable conversation.” <script>document.title='owned'</script>");
        browser.findElement(By.cssSelector("button.primary")).click();

        waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals(title));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Article saved.");
        assertThat(browser.findElement(By.className("article-body")).getText())
                .contains("scheduled for 20 minutes").contains("<script>document.title='owned'</script>");
        assertThat(browser.getTitle()).doesNotContain("owned");

        browser.findElement(By.linkText("Articles")).click();
        assertThat(browser.findElement(By.id("results")).getText()).contains(title);
    }

    /**
     * The largest article the app accepts (2 MB) with 200 quotes: the page shows it in parts, each with its own claims,
     * so the HTML stays small. The load time is measured and written to target/article-page-timing.txt (recorded in
     * src/site/markdown/performance.md), never asserted.
     */
    @Test
    void aTwoMegabyteArticleIsShownInPartsAndStaysSmall() throws Exception {
        TestUser editor = users.editor();
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            body.append("Councillor Ana Ruiz said, “The ferry ").append(i).append(" runs every day.”\n");
        }
        String filler = "The committee walked along the river and talked about the old market and the bridges of the town.\n";
        while (body.length() + filler.length() < 1_990_000) {
            body.append(filler);
        }
        int article = editor.api().contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("title", "Long read", "body", body.toString())).post("/api/articles")
                .then().statusCode(201).extract().path("id");
        int last = editor.api().get("/api/articles/" + article + "/claims").then().extract().path("find { it.text.contains('ferry 200 ') }.id");
        signIn(editor);
        long started = System.nanoTime();
        browser.get(url("/articles/" + article));
        long loaded = System.nanoTime() - started;
        Object navigation = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "var t = performance.getEntriesByType('navigation')[0]; return [t.responseEnd - t.requestStart, t.loadEventEnd - t.startTime];");
        int html = browser.getPageSource().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertThat(html).as("HTML of one part").isLessThan(300_000);
        assertThat(browser.findElement(By.className("part-nav")).getText()).contains("Part 1 of");
        assertThat(browser.findElements(By.cssSelector(".claim-list > li")).size()).isBetween(1, 60);
        assertThat(browser.findElements(By.cssSelector(".claim-list form"))).as("one form per claim")
                .hasSameSizeAs(browser.findElements(By.cssSelector(".claim-list > li")));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "article-page-timing.txt"), String.format(java.util.Locale.ROOT,
                "2 MB article, 200 quotes: %d bytes of HTML, page loaded in %d ms (navigation timing [response, load]: %s)%n",
                html, loaded / 1_000_000, navigation));
        // A claim far down the article: its link opens the part that holds it, and its anchor is there.
        browser.get(url("/articles/" + article + "?claim=" + last + "#claim-" + last));
        assertThat(browser.findElements(By.id("claim-" + last))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector(".claim-list")).getText()).contains("ferry 200 runs every day");
        browser.findElement(By.cssSelector(".part-nav a[rel=prev]")).click();
        waitUntil(d -> d.getCurrentUrl().contains("part="));
        assertThat(browser.findElement(By.cssSelector(".claim-list")).getText()).doesNotContain("ferry 200 runs every day");
    }
}

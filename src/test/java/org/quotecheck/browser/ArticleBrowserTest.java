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
}

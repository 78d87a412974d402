package org.quotecheck.browser;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.quotecheck.support.BrowserTestBase;
import org.quotecheck.support.TestUser;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Two people in a real browser: an editor submits a claim, a reviewer approves it from the queue by keyboard. */
@QuarkusTest
class ReviewBrowserTest extends BrowserTestBase {

    @Test
    void editorSubmitsAndReviewerApprovesFromTheQueueWithTheKeyboard() {
        TestUser editor = users.editor();
        TestUser reviewer = users.reviewer();
        String words = "The bridge opens in May " + UUID.randomUUID().toString().substring(0, 6) + ".";
        int article = editor.api().contentType(ContentType.JSON)
                .body(Map.of("title", "Bridge", "body", "Mayor Dana Whitfield said, “" + words + "”"))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        int claim = editor.api().get("/api/articles/" + article + "/claims").then().extract().path("find { it.type == 'DIRECT_QUOTE' }.id");

        signIn(editor);
        browser.get(url("/claims/" + claim));
        browser.findElement(By.cssSelector("button[value=TAKE]")).click();
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("working on this claim");
        browser.findElement(By.cssSelector("input[name=rating][value=ACCURATE]")).click();
        browser.findElement(By.id("rationale")).sendKeys("Confirmed by the council's video; no transcript exists.");
        browser.findElement(By.cssSelector("input[name=noSourceFound]")).click();
        browser.findElement(By.cssSelector("button[value=SUBMIT]")).click();
        // Without a source, Accurate is refused next to the rating; what was typed stays.
        assertThat(browser.findElement(By.cssSelector("fieldset.has-error .field-error")).getText())
                .contains("only possible rating is Unverifiable");
        assertThat(browser.findElement(By.id("rationale")).getAttribute("value")).contains("council's video");
        assertThat(browser.findElement(By.cssSelector("input[name=noSourceFound]")).isSelected()).isTrue();
        browser.findElement(By.cssSelector("input[name=rating][value=UNVERIFIABLE]")).click();
        browser.findElement(By.cssSelector("button[value=SUBMIT]")).click();
        waitUntil(d -> d.findElement(By.cssSelector("[role=status]")).getText().contains("Submitted for review."));

        signIn(reviewer);
        browser.get(url("/review?editor=" + editor.username()));
        assertThat(browser.findElement(By.cssSelector(".badge-count")).getText()).isNotBlank();
        new Actions(browser).sendKeys("j").perform();
        assertThat(browser.switchTo().activeElement().getAttribute("data-claim")).isEqualTo(String.valueOf(claim));
        new Actions(browser).sendKeys("a").perform();
        waitUntil(d -> d.findElement(By.cssSelector("#queue .decided")).getText().contains("Approved."));
        assertThat(browser.getCurrentUrl()).contains("/review");

        reviewer.api().get("/api/claims/" + claim).then().body("state", equalTo("APPROVED"))
                .body("decidedBy", equalTo(reviewer.username())).body("submittedBy", equalTo(editor.username()));
    }
}

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
        // Without a source, Accurate is refused next to the rating; what was typed stays; focus is on the summary.
        waitUntil(d -> "errors".equals(d.switchTo().activeElement().getAttribute("id")));
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

    /** A claim in review, submitted by {@code editor} through the API with "no source found". */
    private int submitted(TestUser editor, String words) {
        int article = editor.api().contentType(ContentType.JSON)
                .body(Map.of("title", "Queue", "body", "Mayor Dana Whitfield said, “" + words + "”"))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        int claim = editor.api().get("/api/articles/" + article + "/claims").then().extract().path("find { it.type == 'DIRECT_QUOTE' }.id");
        for (Map<String, Object> step : java.util.List.<Map<String, Object>>of(Map.of("action", "TAKE"), Map.of("action", "SUBMIT",
                "rating", "UNVERIFIABLE", "note", "No recording exists.", "noSourceFound", true))) {
            Map<String, Object> body = new java.util.HashMap<>(step);
            body.put("version", editor.api().get("/api/claims/" + claim).then().extract().path("version"));
            editor.api().contentType(ContentType.JSON).body(body).post("/api/claims/" + claim + "/transitions").then().statusCode(200);
        }
        return claim;
    }

    @Test
    void afterEachInlineDecisionFocusMovesOnAndTheCountsFollow() {
        TestUser editor = users.editor();
        TestUser reviewer = users.reviewer();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        int first = submitted(editor, "The first bridge " + tag + " opens in May.");
        int second = submitted(editor, "The second bridge " + tag + " opens in June.");
        int third = submitted(editor, "The third bridge " + tag + " opens in July.");

        signIn(reviewer);
        browser.get(url("/review?editor=" + editor.username()));
        assertThat(browser.findElement(By.id("queue-count")).getText()).isEqualTo("(3 waiting)");
        int badge = Integer.parseInt(browser.findElement(By.id("waiting-badge")).getText());
        new Actions(browser).sendKeys("j").perform();
        assertThat(browser.switchTo().activeElement().getAttribute("data-claim")).isEqualTo(String.valueOf(first));
        new Actions(browser).sendKeys("a").perform();
        waitUntil(d -> d.findElement(By.id("queue-count")).getText().equals("(2 waiting)"));
        assertThat(browser.findElement(By.id("waiting-badge")).getText()).isEqualTo(String.valueOf(badge - 1));
        waitUntil(d -> String.valueOf(second).equals(d.switchTo().activeElement().getAttribute("data-claim")));
        // Return the second with a note and Enter: focus goes on to the third, not to the top of the page.
        new Actions(browser).sendKeys("r").perform();
        browser.switchTo().activeElement().sendKeys("Find the council's recording first.", Keys.ENTER);
        waitUntil(d -> d.findElement(By.id("queue-count")).getText().equals("(1 waiting)"));
        waitUntil(d -> String.valueOf(third).equals(d.switchTo().activeElement().getAttribute("data-claim")));
        new Actions(browser).sendKeys("j").perform();
        assertThat(browser.switchTo().activeElement().getAttribute("data-claim")).as("j goes on from here").isEqualTo(String.valueOf(third));
        reviewer.api().get("/api/claims/" + second).then().body("state", equalTo("RETURNED"));
    }

    @Test
    void aReviewersOwnSubmissionIsMarkedAndOffersNoDecision() {
        TestUser both = users.admin();
        int own = submitted(both, "My own bridge " + UUID.randomUUID().toString().substring(0, 6) + " opens in May.");
        signIn(both);
        browser.get(url("/review?editor=" + both.username()));
        var row = browser.findElement(By.id("queue-claim-" + own));
        assertThat(row.getText()).contains("Your submission");
        assertThat(row.findElements(By.cssSelector(".approve-form, .return-form, input[name=selected]"))).isEmpty();
    }
}

package org.quotecheck.browser;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.quotecheck.support.BrowserTestBase;
import org.quotecheck.support.Sources;
import org.quotecheck.support.TestUser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An editor checks the product's example statement against the ministry summary and sees the facts lined up. */
@QuarkusTest
class MeaningBrowserTest extends BrowserTestBase {

    @Test
    void theFactsOfAStatementAreLinedUpBesideTheSource() throws IOException {
        TestUser editor = users.editor();
        String summary;
        try (InputStream in = getClass().getResourceAsStream("/corpus/sources/mofa-summit-summary-2025-10-30.txt")) {
            summary = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int source = Sources.ready(editor, "MOFA summary " + System.nanoTime(), summary);
        int article = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Gyeongju summit", "body",
                        "Officials said the meeting was scheduled for 30 minutes but lasted 45."))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        int claim = editor.api().contentType(ContentType.JSON).body(Map.of("text", "the meeting was scheduled for 30 minutes but lasted 45",
                "type", "STATEMENT")).post("/api/articles/" + article + "/claims").then().statusCode(201).extract().path("id");

        signIn(editor);
        browser.get(url("/articles/" + article + "/claims/" + claim + "/check?sourceId=" + source));
        WebElement verdict = browser.findElement(By.cssSelector(".verdict"));
        assertThat(verdict.getText()).containsIgnoringCase("a fact differs");
        List<WebElement> rows = browser.findElements(By.cssSelector(".facts-table tbody tr"));
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.getText()).contains("30 minutes").contains("20 minutes").contains("No");
            assertThat(row.getAttribute("class")).contains("critical-row");
        });
        assertThat(rows).anySatisfy(row -> assertThat(row.getText()).contains("45").contains("Yes"));
        assertThat(browser.findElement(By.cssSelector(".source-context")).getText()).contains("expected to last around 20 minutes");
        // No word diff of unrelated words for a check by meaning.
        assertThat(browser.findElements(By.cssSelector(".quote-text mark"))).isEmpty();

        browser.findElement(By.id("note")).sendKeys("The ministry summary says 20 minutes were planned.");
        browser.findElement(By.cssSelector("form[action$='/evidence'] button[type=submit]")).click();
        waitUntil(d -> d.getCurrentUrl().contains("notice=evidence-saved"));
        editor.api().get("/api/claims/" + claim).then().statusCode(200)
                .body("evidence[0].classification", org.hamcrest.Matchers.equalTo("ALTERED"));
    }
}

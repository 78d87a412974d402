package org.quotecheck.browser;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.quotecheck.support.BrowserTestBase;
import org.quotecheck.support.TestUser;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The article page in a real browser: claims are marked, a click selects one, a selection marks a new one. */
@QuarkusTest
class ClaimBrowserTest extends BrowserTestBase {

    private static final String BODY = "Mayor Dana Whitfield said, “The bridge opens in May.”\n"
            + "Traffic on the old road fell sharply last winter.";

    @Test
    void clickingAClaimSelectsItAndSelectingTextMarksANewClaim() {
        TestUser editor = users.editor();
        int id = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Bridge", "body", BODY))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        signIn(editor);
        browser.get(url("/articles/" + id));

        WebElement quoteMark = browser.findElement(By.cssSelector("mark.c-direct-quote"));
        assertThat(quoteMark.getText()).isEqualTo("The bridge opens in May.");
        WebElement link = browser.findElement(By.cssSelector(".claim-link"));
        link.click();
        assertThat(browser.findElements(By.cssSelector("mark.selected"))).isNotEmpty();
        // The words are selected in the text, but a keyboard user stays in the list of claims.
        assertThat(browser.switchTo().activeElement()).isEqualTo(link);

        // Select "fell sharply last winter" in the text, as a reader would with mouse or keyboard.
        ((JavascriptExecutor) browser).executeScript("""
                const span = [...document.querySelectorAll('#article-body [data-start]')]
                    .find(e => e.textContent.includes('fell sharply'));
                const node = span.firstChild;
                const from = node.textContent.indexOf('fell sharply');
                const range = document.createRange();
                range.setStart(node, from);
                range.setEnd(node, from + 'fell sharply last winter'.length);
                getSelection().removeAllRanges();
                getSelection().addRange(range);
                """);
        WebElement words = browser.findElement(By.id("mark-text"));
        waitUntil(d -> "fell sharply last winter".equals(words.getAttribute("value")));
        assertThat(browser.findElement(By.id("mark-start")).getAttribute("value")).isEqualTo(String.valueOf(BODY.indexOf("fell sharply")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("mark-type"))).selectByValue("STATEMENT");
        browser.findElement(By.cssSelector("#mark-claim button[type=submit]")).click();

        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Claim added.");
        assertThat(browser.findElements(By.cssSelector(".claim-text")))
                .anySatisfy(e -> assertThat(e.getText()).isEqualTo("fell sharply last winter"));
    }

    @Test
    void aKeyboardUserMarksAClaimByTypingItsWords() {
        TestUser editor = users.editor();
        int id = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Keyboard", "body", BODY))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        signIn(editor);
        browser.get(url("/articles/" + id));
        WebElement words = browser.findElement(By.id("mark-text"));
        words.sendKeys("Traffic on the old road");
        words.sendKeys(Keys.TAB, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN); // type: Statement
        browser.findElement(By.id("mark-speaker")).sendKeys("City traffic office" + Keys.ENTER);
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Claim added.");
        assertThat(browser.findElement(By.cssSelector(".claim-list")).getText()).contains("City traffic office");
    }
}

package org.quotecheck.browser;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.quotecheck.support.BrowserTestBase;
import org.quotecheck.support.Library;
import org.quotecheck.support.TestUser;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** An editor saves an article, sees the library's suggestion for its quote appear, and uses it as evidence. */
@QuarkusTest
class LibraryBrowserTest extends BrowserTestBase {

    @Test
    void anEditorSavesAnArticleSeesASuggestionAndUsesItAsEvidence() {
        TestUser editor = users.editor();
        String town = Library.name();
        String title = town + " council transcript";
        int source = Library.source(editor, title, Library.story(town, 45, 2027, "not"));
        Library.await(editor, "/api/sources/" + source, j -> "READY".equals(j.getString("semantic.state")));

        signIn(editor);
        browser.get(url("/articles/new"));
        browser.findElement(By.id("title")).sendKeys(town + " bridge costs");
        browser.findElement(By.id("body")).sendKeys("Mayor Elena Marchetti said: \u201cThe " + town
                + " bridge would cost 45 million euros and open in 2027.\u201d Residents were sceptical.");
        browser.findElement(By.cssSelector("button.primary")).click();
        waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals(town + " bridge costs"));

        // The page shows the search's progress, then the suggestion in the claim's own place, without a reload.
        WebElement quote = browser.findElement(By.cssSelector(".claim-item .badge.t-direct-quote"))
                .findElement(By.xpath("ancestor::li[contains(@class, 'claim-item')]"));
        String claim = quote.getAttribute("data-claim");
        waitUntil(Duration.ofSeconds(90), d -> d.findElement(By.id("library-" + claim)).getText()
                .contains("verbatim in: " + title));
        assertThat(browser.findElements(By.cssSelector("#library-progress progress"))).isEmpty();

        browser.findElement(By.cssSelector("#library-" + claim + " button[type=submit]")).click();
        waitUntil(d -> d.getCurrentUrl().contains("notice=evidence-saved"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Evidence saved.");
        assertThat(browser.findElement(By.cssSelector("[data-claim='" + claim + "'] .evidence-list")).getText())
                .containsIgnoringCase("verbatim").contains(title);
        assertThat(browser.findElement(By.id("library-" + claim)).getText()).contains("Used as evidence.");

        JsonPath saved = editor.api().get("/api/claims/" + claim).then().statusCode(200).extract().jsonPath();
        assertThat(saved.getString("evidence[0].classification")).isEqualTo("VERBATIM");
        assertThat(saved.getInt("evidence[0].sourceId")).isEqualTo(source);
        assertThat(saved.getString("evidence[0].createdBy")).isEqualTo(editor.username());

        // One click from the claim to the whole library, every result in context.
        browser.findElement(By.cssSelector("[data-claim='" + claim + "'] a[href='/library?claimId=" + claim + "']")).click();
        waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals("Find in library"));
        WebElement first = browser.findElement(By.cssSelector(".library-hit"));
        assertThat(first.getText()).contains(title).contains("Verbatim");
        assertThat(first.findElement(By.cssSelector(".source-context mark.passage")).getText()).contains("45 million euros");
    }
}

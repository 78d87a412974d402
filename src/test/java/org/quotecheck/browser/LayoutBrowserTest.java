package org.quotecheck.browser;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.quotecheck.support.BrowserTestBase;
import org.quotecheck.support.TestUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** At phone width (390 px) and at laptop width, no page scrolls sideways, even with a 500-character unbroken title. */
@QuarkusTest
class LayoutBrowserTest extends BrowserTestBase {

    @Test
    void noPageScrollsSidewaysOnAPhoneOrALaptop() {
        TestUser admin = users.admin();
        String longTitle = "Unbroken" + "x".repeat(492);
        int article = admin.api().contentType(ContentType.JSON).body(Map.of("title", longTitle, "outlet", "O".repeat(200),
                "url", "https://news.example/" + "a".repeat(300), "body", "Mayor Dana Whitfield said, “The ferry " + "z".repeat(300)
                        + " runs every day.” Costs rose 12 percent in 2025.")).post("/api/articles").then().statusCode(201).extract().path("id");
        int claim = admin.api().get("/api/articles/" + article + "/claims").then().extract().path("[0].id");
        admin.api().contentType(ContentType.JSON).body(Map.of("name", "T".repeat(64) + java.util.UUID.randomUUID().toString()
                .substring(0, 8), "roles", List.of("EDITOR", "REVIEWER"))).post("/api/tokens").then().statusCode(201);
        List<String> pages = List.of("/articles", "/articles/" + article, "/claims/" + claim, "/review", "/my-work", "/sources",
                "/library?text=" + "y".repeat(200), "/reports", "/dashboard", "/articles/new", "/admin/users",
                "/admin/tokens", "/admin/webhooks");
        signIn(admin);
        List<String> wide = new ArrayList<>();
        for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1280, 900))) {
            browser.manage().window().setSize(size);
            for (String page : pages) {
                browser.get(url(page));
                Number scroll = (Number) ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                if (scroll.intValue() > 1) {
                    wide.add(page + " at " + size.getWidth() + " px: " + scroll + " px too wide");
                }
            }
        }
        assertThat(wide).isEmpty();
    }
}

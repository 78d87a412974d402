package org.quotecheck.browser;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.quotecheck.support.BrowserTestBase;
import org.quotecheck.support.TestUser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A desk head opens the report page in a real browser and downloads the CSV. */
@QuarkusTest
class ReportDownloadBrowserTest extends BrowserTestBase {

    @Test
    void reportPageDownloadsTheCsv() throws IOException {
        TestUser editor = users.editor();
        String outlet = "Download " + UUID.randomUUID().toString().substring(0, 8);
        int article = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Download", "outlet", outlet,
                "body", "Mayor Dana Whitfield said, “The bridge opens in May.”")).post("/api/articles").then().statusCode(201).extract().path("id");
        int claim = editor.api().get("/api/articles/" + article + "/claims").then().extract().path("find { it.type == 'DIRECT_QUOTE' }.id");
        for (Map<String, Object> step : new Map[] {Map.of("action", "TAKE"), Map.of("action", "SUBMIT", "rating", "UNVERIFIABLE",
                "note", "No recording; the council could not confirm it.", "noSourceFound", true)}) {
            int version = editor.api().get("/api/claims/" + claim).then().extract().path("version");
            Map<String, Object> body = new java.util.HashMap<>(step);
            body.put("version", version);
            editor.api().contentType(ContentType.JSON).body(body).post("/api/claims/" + claim + "/transitions").then().statusCode(200);
        }
        TestUser reviewer = users.reviewer();
        int version = reviewer.api().get("/api/claims/" + claim).then().extract().path("version");
        reviewer.api().contentType(ContentType.JSON).body(Map.of("action", "APPROVE", "version", version))
                .post("/api/claims/" + claim + "/transitions").then().statusCode(200);

        Path downloads = Files.createDirectories(Path.of("target", "downloads", UUID.randomUUID().toString())).toAbsolutePath();
        ((ChromeDriver) browser).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        signIn(reviewer);
        browser.get(url("/reports?outlet=" + outlet.replace(" ", "%20")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("The bridge opens in May.");
        browser.findElement(By.linkText("CSV")).click();
        waitUntil(d -> csvIn(downloads) != null);
        String csv = Files.readString(csvIn(downloads), StandardCharsets.UTF_8);
        assertThat(csv).contains("The bridge opens in May.").contains("Dana Whitfield").contains("UNVERIFIABLE").contains(outlet);
    }

    private static Path csvIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}

package org.quotecheck.support;

import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.function.Function;

/** What every real-browser test needs: a fresh headless Chromium, the app's address, signing in, waiting. */
public abstract class BrowserTestBase {

    @TestHTTPResource("/")
    protected URL root;

    @Inject
    protected TestUsers users;

    protected WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    /** Signs in through the login form and waits until the app has let the user in. */
    protected void signIn(TestUser user) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user.username());
        browser.findElement(By.id("password")).sendKeys(user.password() + Keys.ENTER);
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
    }

    /**
     * Waits for a page to reach a state. The condition finds its elements again on every poll: an element replaced
     * by an htmx swap or a page load while the wait reads it is no error, only a reason to look again. The limit is
     * generous (a wait that succeeds returns at once); a loaded CI machine may take seconds for what takes
     * milliseconds here.
     */
    protected void waitUntil(Function<WebDriver, Boolean> condition) {
        waitUntil(Duration.ofSeconds(30), condition);
    }

    /** The same, for background work that may take longer (a library search after saving an article). */
    protected void waitUntil(Duration limit, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, limit).ignoring(StaleElementReferenceException.class).until(condition);
    }
}

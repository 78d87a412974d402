package org.quotecheck.support;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser does over plain HTTP: signs in through the login form, keeps its cookies and reads the CSRF token
 * from the forms it is given.
 */
public final class BrowserSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private final Map<String, String> cookies = new HashMap<>();

    private BrowserSession() {
    }

    public static BrowserSession signIn(TestUser user) {
        BrowserSession session = new BrowserSession();
        Response response = session.submitSignIn(user.username(), user.password());
        assertThat(response.statusCode()).as("sign-in of " + user.username()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/");
        assertThat(session.cookies).containsKey("quotecheck-session");
        return session;
    }

    /** A browser that has not signed in (yet). */
    public static BrowserSession anonymous() {
        return new BrowserSession();
    }

    /** Fills in the sign-in form as a person would: the page first (its token and pre-session cookie), then the post. */
    public Response submitSignIn(String username, String password) {
        String token = csrfToken("/login");
        Response response = request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", token)
                .formParam("username", username).formParam("password", password).post("/login");
        cookies.putAll(response.cookies());
        return response;
    }

    public RequestSpecification request() {
        return RestAssured.given().redirects().follow(false).cookies(cookies);
    }

    /** GET a page, remember any new cookies (the CSRF cookie among them) and return it. */
    public Response get(String path) {
        Response response = request().get(path);
        cookies.putAll(response.cookies());
        return response;
    }

    /** The CSRF token of the form on the page at {@code path}. */
    public String csrfToken(String path) {
        Response page = get(path);
        Matcher matcher = CSRF.matcher(page.asString());
        assertThat(matcher.find()).as("a CSRF token on " + path).isTrue();
        return matcher.group(1);
    }

    /** POST a form with this page's token, as a browser submits it. */
    public Response postForm(String pagePath, String action, Map<String, ?> fields) {
        String token = csrfToken(pagePath);
        Response response = request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", token)
                .formParams(fields).post(action);
        cookies.putAll(response.cookies());
        return response;
    }

    public Map<String, String> cookies() {
        return cookies;
    }
}

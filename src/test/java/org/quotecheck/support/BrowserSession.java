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
        Response response = RestAssured.given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user.username()).formParam("j_password", user.password())
                .post("/j_security_check");
        assertThat(response.statusCode()).as("form login of " + user.username()).isEqualTo(302);
        assertThat(response.header("Location")).doesNotContain("error");
        session.cookies.putAll(response.cookies());
        return session;
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

    public Map<String, String> cookies() {
        return cookies;
    }
}

package org.quotecheck.security;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.BrowserSession;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Requests that used to hang, redirects built from the Host header, and what browsers may keep in their cache. */
@QuarkusTest
class RequestGuardTest {

    @Inject
    TestUsers users;

    @TestHTTPResource("/")
    URL root;

    @Test
    void pathsWithSemicolonsOrCommasAreAnsweredAtOnce() throws IOException {
        for (String path : List.of("/dashboard;x", "/articles,1", "/api/articles;jsessionid=1", "/login;x", "/dashboard%3Bx",
                "/q/health;x")) {
            String answer = rawRequest("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void redirectsNeverNameTheHostAClientSent() throws IOException {
        given().redirects().follow(false).header("Host", "evil.example").get("/articles").then().statusCode(302)
                .header("Location", "/login?next=%2Farticles");
        TestUser editor = users.editor();
        BrowserSession session = editor.signIn();
        Response created = session.request().header("Host", "evil.example").redirects().follow(false).get("/");
        assertThat(created.header("Location")).isEqualTo("/dashboard");
        Response api = editor.api().header("Host", "evil.example").contentType(ContentType.JSON)
                .body(Map.of("title", "Host test", "body", "Text.")).post("/api/articles");
        assertThat(api.statusCode()).isEqualTo(201);
        assertThat(api.header("Location")).startsWith("/api/articles/").doesNotContain("evil");
        String raw = rawRequest("GET /articles HTTP/1.1\r\nHost: evil.example:666\r\nConnection: close\r\n\r\n");
        assertThat(raw).doesNotContain("evil.example");
    }

    @Test
    void invalidHostHeadersAreRefusedQuietly() throws IOException {
        for (String host : List.of("a/b", "evil.example@x", "x#y", "x?y", "")) {
            String answer = rawRequest("GET /articles HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertThat(answer).as("Host: " + host).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void signedInPagesAndTheApiAreNeverCached() {
        TestUser editor = users.editor();
        BrowserSession session = editor.signIn();
        for (String path : List.of("/articles", "/dashboard", "/sources", "/my-work")) {
            assertThat(session.get(path).header("Cache-Control")).as(path).isEqualTo("no-store");
        }
        assertThat(editor.api().get("/api/articles").header("Cache-Control")).isEqualTo("no-store");
        assertThat(given().get("/login").header("Cache-Control")).isEqualTo("no-store");
        assertThat(given().get("/css/app.css").header("Cache-Control")).isNotEqualTo("no-store");
        // A path that only starts like a static asset is not one.
        for (String path : List.of("/css/../api/articles", "/webjars/../api/articles", "/css/%2e%2e/api/articles")) {
            Response sneaky = editor.api().urlEncodingEnabled(false).get(path);
            assertThat(sneaky.header("Cache-Control")).as(path).isEqualTo("no-store");
        }
    }

    @Test
    void anEndpointThatSaysNothingAboutWhoMayCallItIsRefusedToEveryone() {
        users.admin().api().get("/probe/unannotated").then().statusCode(403);
        assertThat(users.admin().signIn().get("/probe/unannotated").asString()).doesNotContain("should never be served");
    }

    /** A request written by hand, with a timeout: RestAssured would normalise what we want to send. */
    private String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

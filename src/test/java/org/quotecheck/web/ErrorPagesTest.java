package org.quotecheck.web;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ErrorPagesTest {

    @Inject
    TestUsers users;

    @Test
    void unknownAddressesGetTheSiteLayoutOrProblemJson() {
        TestUser editor = users.editor();
        var page = editor.signIn().get("/no/such/page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.asString()).contains("<h1 dir=\"auto\">Not Found</h1>").contains("Signed in as").contains("There is nothing at this address.");
        editor.api().get("/api/no/such/thing").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        // Every answer carries its request's id, and every error shows it: a caller's own id is kept.
        var problem = editor.api().header("X-Request-Id", "cms-retry-00042").get("/api/no/such/thing");
        assertThat(problem.header("X-Request-Id")).isEqualTo("cms-retry-00042");
        assertThat(problem.jsonPath().getString("requestId")).isEqualTo("cms-retry-00042");
        var generated = editor.api().header("X-Request-Id", "<script>").get("/api/no/such/thing");
        assertThat(generated.header("X-Request-Id")).matches("[0-9a-f]{16}");
        assertThat(generated.jsonPath().getString("requestId")).isEqualTo(generated.header("X-Request-Id"));
        assertThat(page.asString()).contains("Request id <code>" + page.header("X-Request-Id") + "</code>");
    }

    @Test
    void wrongMethodIs405Problem() {
        users.editor().api().delete("/api/articles").then().statusCode(405).contentType("application/problem+json");
    }
}

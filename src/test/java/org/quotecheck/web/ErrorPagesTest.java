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
    }

    @Test
    void wrongMethodIs405Problem() {
        users.editor().api().delete("/api/articles").then().statusCode(405).contentType("application/problem+json");
    }
}

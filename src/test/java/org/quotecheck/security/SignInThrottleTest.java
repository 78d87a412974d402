package org.quotecheck.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.BrowserSession;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Repeated failed sign-ins slow down, per account and per address, by form and by HTTP Basic alike. */
@QuarkusTest
class SignInThrottleTest {

    @Inject
    TestUsers users;

    @Inject
    SignInThrottle throttle;

    @AfterEach
    void forgetThisMachine() {
        // Every test signs in from this address; leave it as clean as the other tests expect.
        throttle.forgetAddress("127.0.0.1");
    }

    @Test
    void anAccountIsLockedAfterFiveFailuresWhateverTheChannel() {
        TestUser editor = users.editor();
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic(editor.username(), "wrong-password-" + i).get("/api/articles")
                    .then().statusCode(401);
        }
        Response locked = given().auth().preemptive().basic(editor.username(), editor.password()).get("/api/articles");
        assertThat(locked.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 2L);
        locked.then().contentType("application/problem+json").body("status", equalTo(429))
                .body("detail", containsString("Try again in"));

        Response form = BrowserSession.anonymous().submitSignIn(editor.username(), editor.password());
        assertThat(form.statusCode()).isEqualTo(429);
        assertThat(form.header("Retry-After")).isNotBlank();
        assertThat(form.asString()).contains("Too many failed sign-ins").contains("value=\"" + editor.username() + "\"");

        // Another account is not affected, and the lock ends.
        users.reviewer().api().get("/api/review-queue").then().statusCode(200);
        waitFor(Duration.ofMillis(2100));
        given().auth().preemptive().basic(editor.username(), editor.password()).get("/api/articles").then().statusCode(200);
    }

    @Test
    void theLockDoublesWithEveryFurtherFailure() {
        assertThat(SignInThrottle.lockFor(0, Duration.ofMinutes(15))).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInThrottle.lockFor(3, Duration.ofMinutes(15))).isEqualTo(Duration.ofSeconds(8));
        assertThat(SignInThrottle.lockFor(12, Duration.ofMinutes(15))).isEqualTo(Duration.ofMinutes(15));
        assertThat(SignInThrottle.lockFor(100, Duration.ofMinutes(15))).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void oneAddressGuessingManyAccountsIsLockedToo() {
        for (int i = 0; i < 20; i++) {
            given().auth().preemptive().basic("nobody-" + i + "-" + System.nanoTime(), "guess-password").get("/api/articles")
                    .then().statusCode(401);
        }
        TestUser editor = users.editor();
        given().auth().preemptive().basic(editor.username(), editor.password()).get("/api/articles").then().statusCode(429);
    }

    private static void waitFor(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

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

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

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
    void parallelGuessesCannotSlipPastTheLimit() throws Exception {
        TestUser editor = users.editor();
        // Forty guesses, each on a thread of its own, so that all are under way before any answer comes back.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(40);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 40; i++) {
                int guess = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().preemptive().basic(editor.username(), "guess-number-" + guess)
                            .get("/api/articles").statusCode();
                }));
            }
            start.countDown();
            int checked = 0;
            int refused = 0;
            for (var answer : answers) {
                int status = answer.get();
                checked += status == 401 ? 1 : 0;
                refused += status == 429 ? 1 : 0;
            }
            assertThat(checked).as("passwords actually checked").isLessThanOrEqualTo(5);
            assertThat(checked + refused).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The rule itself, without HTTP and without a clock: forty attempts reserved at once while none of their
     * checks has finished. However long the checks take, only the threshold's worth may go ahead; the lock starts
     * when they have failed; a check left behind by a process that died stops counting after its grace period.
     */
    @Test
    void atMostTheThresholdIsCheckedHoweverManyArriveAtOnceAndHoweverLongTheChecksTake() throws Exception {
        String account = "parallel-" + System.nanoTime();
        String address = "198.51.100." + (System.nanoTime() % 200 + 1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(40);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Long>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return throttle.reserve(account, address);
                }));
            }
            start.countDown();
            int allowed = 0;
            for (var answer : answers) {
                allowed += answer.get() == 0 ? 1 : 0;
            }
            assertThat(allowed).as("checks allowed while none has finished").isEqualTo(5);
            assertThat(throttle.reserve(account, address)).as("still refused while those checks run").isPositive();
            for (int i = 0; i < allowed; i++) {
                throttle.failed(account, address);
            }
            assertThat(throttle.reserve(account, address)).as("locked once they failed").isBetween(1L, 2L);
        } finally {
            pool.shutdownNow();
            throttle.forgetAccount(account);
            throttle.forgetAddress(address);
        }
    }

    @Test
    void aCheckLeftBehindByAProcessThatDiedStopsCountingAfterItsGracePeriod() throws Exception {
        String account = "abandoned-" + System.nanoTime();
        String address = "198.51.100." + (System.nanoTime() % 200 + 1);
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(throttle.reserve(account, address)).isZero(); // never finished: the process died
            }
            assertThat(throttle.reserve(account, address)).isPositive();
            try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE sign_in_failure SET checking_until = now() - interval '1 second'"
                        + " WHERE key = '" + SignInThrottle.accountKey(account) + "'");
            }
            assertThat(throttle.reserve(account, address)).as("the dead checks no longer hold the account").isZero();
            throttle.failed(account, address);
            assertThat(throttle.reserve(account, address)).as("and its failures still count").isPositive();
        } finally {
            throttle.forgetAccount(account);
            throttle.forgetAddress(address);
        }
    }

    @Test
    void logLinesCannotBeSplitByAUsername() {
        assertThat(SignInService.printable("zz\u2028next\u0085line\r\nfake entry\u202e")).doesNotContain("\u2028")
                .doesNotContain("\u0085").doesNotContain("\n").doesNotContain("\r").doesNotContain("\u202e");
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

package org.quotecheck.instances;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL killed (SIGKILL, every backend at once) while clients are creating articles through the API, then
 * started again. Clients retry with their Idempotency-Key until they get an answer, as the API guide tells them to.
 * Afterwards every article exists exactly once with all of its claims, nothing exists that no client asked for, the
 * outage was answered with 503 and Retry-After (never 500), and service came back within 5 seconds.
 */
class DatabaseKilledMidWritesIT {

    private static final String PASSWORD = "Harbor-Lantern-101";
    private static final int WRITERS = 4;
    private static final int ARTICLES_PER_WRITER = 12;
    private static final String BODY = "Mayor Dana Whitfield said, “The ferry will run every 20 minutes from May.”"
            + " The council approved a budget of 4.2 million euros. “We will not raise fares,” she said.";

    private PostgresProcess database;
    private AppProcess app;
    private ExecutorService writers;

    @AfterEach
    void stop() throws Exception {
        if (writers != null) {
            writers.shutdownNow();
        }
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void nothingIsHalfWrittenOrWrittenTwice() throws Exception {
        Path base = Path.of("target", "it", "killed-" + UUID.randomUUID().toString().substring(0, 8));
        database = PostgresProcess.start(base.resolve("postgres"));
        app = AppProcess.start("app", database, base.resolve("app"), Map.of("QUOTECHECK_SEMANTIC_ENABLED", "false"));
        app.as("admin", AppProcess.ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("username", "writer", "password", PASSWORD, "roles", List.of("EDITOR")))
                .post("/api/users").then().statusCode(201);
        app.as("writer", PASSWORD).get("/api/articles?size=1").then().statusCode(200);
        Map<String, String> browser = signIn("writer", PASSWORD);
        String formToken = Jsoup.parse(app.request().cookies(browser).get("/articles/new").asString())
                .selectFirst("form[action=/articles] input[name=csrf-token]").attr("value");

        Map<String, Integer> claimsAnswered = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> outageAnswers = new ConcurrentLinkedQueue<>();
        AtomicLong created = new AtomicLong();
        AtomicLong replayed = new AtomicLong();
        AtomicLong firstSuccessAfterRestart = new AtomicLong();
        AtomicLong restartedAt = new AtomicLong();
        writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            done.add(writers.submit(() -> {
                for (int i = 0; i < ARTICLES_PER_WRITER && !Thread.currentThread().isInterrupted(); i++) {
                    String title = "Crash " + writer + "-" + i;
                    String key = UUID.randomUUID().toString();
                    while (true) {
                        Response answer;
                        try {
                            answer = app.as("writer", PASSWORD).contentType(ContentType.JSON).header("Idempotency-Key", key)
                                    .body(Map.of("title", title, "body", BODY)).post("/api/articles");
                        } catch (RuntimeException lostConnection) {
                            outageAnswers.add("connection: " + lostConnection.getMessage());
                            pause(200);
                            continue;
                        }
                        if (answer.statusCode() == 201) {
                            if ("true".equals(answer.header("Idempotent-Replayed"))) {
                                replayed.incrementAndGet();
                            }
                            claimsAnswered.put(title, answer.<List<?>>path("claims").size());
                            created.incrementAndGet();
                            if (restartedAt.get() != 0) {
                                firstSuccessAfterRestart.compareAndSet(0, System.nanoTime());
                            }
                            break;
                        }
                        outageAnswers.add(answer.statusCode() + " Retry-After=" + answer.header("Retry-After")
                                + " " + answer.contentType());
                        pause(200);
                    }
                }
                return null;
            }));
        }

        long writing = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (created.get() < 8) {
            assertThat(System.nanoTime()).as("eight articles written within a minute").isLessThan(writing);
            Thread.sleep(20);
        }
        database.kill();
        long killed = System.nanoTime();
        Thread.sleep(1500);
        int healthDuringOutage = app.request().get("/q/health/ready").statusCode();
        // An editor sends the new-article form meanwhile: the 503 page gives back what was typed, ready to send again.
        String typed = "Harbour master Ines Duarte said, “The pier reopens on 3 June.” <b>not bold</b>";
        Response refused = app.request().cookies(browser).multiPart("csrf-token", formToken)
                .multiPart(text("title", "Typed during the outage")).multiPart(text("body", typed)).post("/articles");
        database.restart();
        restartedAt.set(System.nanoTime());
        for (Future<?> writer : done) {
            writer.get(3, TimeUnit.MINUTES);
        }
        writers.shutdown();

        double recovery = (firstSuccessAfterRestart.get() - restartedAt.get()) / 1e9;
        System.out.printf("Database killed under %d writers: %d answers during the outage, %d retries answered from"
                + " their kept answer, first article saved %.2f s after the database's return%n",
                WRITERS, outageAnswers.size(), replayed.get(), recovery);
        assertThat(healthDuringOutage).isEqualTo(503);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("text/html");
        Document kept = Jsoup.parse(refused.asString());
        Element again = kept.selectFirst("form[action=/articles][method=post]");
        assertThat(again).as("the 503 page's form").isNotNull();
        assertThat(again.attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(again.select("textarea[name=body]").text()).isEqualTo(typed);
        assertThat(refused.asString()).doesNotContain("<b>not bold</b>");
        var resend = app.request().cookies(browser);
        for (Element field : again.select("input[type=hidden], textarea")) {
            resend.multiPart(text(field.attr("name"), field.tagName().equals("textarea") ? field.wholeText() : field.attr("value")));
        }
        Response sentAgain = resend.post("/articles");
        assertThat(sentAgain.statusCode()).as("sent again from the 503 page").isEqualTo(303);
        assertThat(sentAgain.header("Location")).matches(".*/articles/\\d+.*");
        app.request().get("/q/health/ready").then().statusCode(200);
        assertThat(outageAnswers).as("the outage was noticed by the writers").isNotEmpty();
        assertThat(outageAnswers).as("answers during the outage").allSatisfy(answer ->
                assertThat(answer).startsWith("503 Retry-After=5 application/problem+json"));
        assertThat(recovery).as("seconds from the database's return to the first article saved").isLessThan(5.0);
        assertThat(killed).isLessThan(restartedAt.get());

        try (Connection c = database.superuser("quotecheck")) {
            for (int w = 0; w < WRITERS; w++) {
                for (int i = 0; i < ARTICLES_PER_WRITER && !Thread.currentThread().isInterrupted(); i++) {
                    String title = "Crash " + w + "-" + i;
                    try (PreparedStatement rows = c.prepareStatement("SELECT a.id, (SELECT count(*) FROM claim WHERE article_id = a.id)"
                            + " FROM article a WHERE a.title = ?")) {
                        rows.setString(1, title);
                        try (ResultSet r = rows.executeQuery()) {
                            assertThat(r.next()).as(title + " saved").isTrue();
                            assertThat(r.getInt(2)).as(title + " has all its claims").isEqualTo(claimsAnswered.get(title))
                                    .isGreaterThanOrEqualTo(3);
                            assertThat(r.next()).as(title + " saved once").isFalse();
                        }
                    }
                }
            }
            try (PreparedStatement all = c.prepareStatement("SELECT (SELECT count(*) FROM article),"
                    + " (SELECT count(*) FROM idempotency_key WHERE owner = 'writer' AND status = 201),"
                    + " (SELECT count(*) FROM idempotency_key WHERE status = 0)");
                 ResultSet r = all.executeQuery()) {
                r.next();
                assertThat(r.getInt(1)).as("articles: none that no client asked for (and the one sent again)")
                        .isEqualTo(WRITERS * ARTICLES_PER_WRITER + 1);
                assertThat(r.getInt(2)).as("one kept answer per article").isEqualTo(WRITERS * ARTICLES_PER_WRITER);
                assertThat(r.getInt(3)).as("keys claimed without an answer").isZero();
            }
        }
    }

    /** A text field as a browser sends it from a UTF-8 page. */
    private static io.restassured.specification.MultiPartSpecification text(String name, String value) {
        return new io.restassured.builder.MultiPartSpecBuilder(value).controlName(name).charset(java.nio.charset.StandardCharsets.UTF_8).build();
    }

    private Map<String, String> signIn(String username, String password) {
        Response page = app.request().get("/login");
        String token = Jsoup.parse(page.asString()).selectFirst("input[name=csrf-token]").attr("value");
        Response signedIn = app.request().cookies(page.getCookies()).contentType(ContentType.URLENC)
                .formParam("csrf-token", token).formParam("username", username).formParam("password", password).post("/login");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        return Map.of("quotecheck-session", signedIn.getCookie("quotecheck-session"));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.quotecheck.instances;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Two instances of the packaged application on one PostgreSQL, as behind a load balancer: a session started on one
 * works on the other, simultaneous approvals through both let exactly one through, and background jobs run once.
 */
class TwoInstancesIT {

    private static final String EDITOR_PASSWORD = "Harbor-Lantern-101";
    private static final String REVIEWER_PASSWORD = "Harbor-Lantern-202";

    private static PostgresProcess database;
    private static AppProcess a;
    private static AppProcess b;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        Path base = Path.of("target", "it", "two-instances-" + UUID.randomUUID().toString().substring(0, 8));
        database = PostgresProcess.start(base.resolve("postgres"));
        // Started together, as an orchestrator would: the migrations run once (Flyway holds a lock while it migrates).
        ExecutorService starter = Executors.newFixedThreadPool(2);
        try {
            Future<AppProcess> first = starter.submit(() -> AppProcess.start("a", database, base.resolve("a"), Map.of()));
            Future<AppProcess> second = starter.submit(() -> AppProcess.start("b", database, base.resolve("b"), Map.of()));
            try {
                a = first.get(3, TimeUnit.MINUTES);
            } finally {
                b = second.get(3, TimeUnit.MINUTES); // started or failed; either way stopped after all
            }
        } finally {
            starter.shutdownNow();
        }
        createUser(a, "editor", EDITOR_PASSWORD, "EDITOR");
        createUser(b, "reviewer", REVIEWER_PASSWORD, "REVIEWER");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (AutoCloseable running : new AutoCloseable[] {a, b, database}) {
            if (running != null) {
                running.close();
            }
        }
    }

    @Test
    void instancesStartedTogetherCreateTheBootstrapAdministratorOnce() throws Exception {
        // Both were started at the same moment on an empty database and both are running (the @BeforeAll would have
        // failed otherwise): exactly one created the administrator, the other found it.
        String created = "Created administrator 'admin'";
        assertThat(Stream.of(a.log(), b.log()).filter(log -> log.contains(created)).count())
                .as("instances that created the administrator").isEqualTo(1);
        a.as("admin", AppProcess.ADMIN_PASSWORD).get("/api/users").then().statusCode(200)
                .body("findAll { it.username == 'admin' }.size()", is(1));
    }

    @Test
    void aSessionStartedOnOneInstanceWorksOnTheOther() {
        Response page = a.request().get("/login");
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        Response signedIn = a.request().cookies(page.getCookies()).contentType(ContentType.URLENC)
                .formParam("csrf-token", token).formParam("username", "editor").formParam("password", EDITOR_PASSWORD)
                .post("/login");
        assertThat(signedIn.statusCode()).as("sign-in answered %s to %s", signedIn.statusLine(), signedIn.header("Location"))
                .isEqualTo(303);
        String session = signedIn.getCookie("quotecheck-session");
        assertThat(session).isNotBlank();

        Response onB = b.request().cookie("quotecheck-session", session).get("/articles");
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.asString()).contains("Signed in as").contains("editor");
        // A made-up cookie is refused by both.
        Response forged = b.request().cookie("quotecheck-session", session + "x").get("/articles");
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.header("Location")).contains("/login");
    }

    @Test
    void twentySimultaneousApprovalsThroughBothInstancesLetExactlyOneThrough() throws Exception {
        int article = a.as("editor", EDITOR_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("title", "Two instances", "body", "Mayor Dana Whitfield said, “The ferry runs every hour.”"))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        int claim = b.as("editor", EDITOR_PASSWORD).get("/api/articles/" + article + "/claims").then().statusCode(200)
                .extract().path("find { it.type == 'DIRECT_QUOTE' }.id");
        int version = a.as("editor", EDITOR_PASSWORD).get("/api/claims/" + claim).then().statusCode(200).extract().path("version");
        version = transition(a, "editor", EDITOR_PASSWORD, claim, Map.of("action", "TAKE", "version", version)).then()
                .statusCode(200).extract().path("version");
        version = transition(b, "editor", EDITOR_PASSWORD, claim, Map.of("action", "SUBMIT", "version", version,
                "rating", "UNVERIFIABLE", "note", "No recording.", "noSourceFound", true)).then().statusCode(200)
                .extract().path("version");

        // Each instance checks the reviewer's password once (bcrypt) before the burst, as an integration's first call
        // would; twenty first-ever sign-ins at once would be throttled as guessing.
        a.as("reviewer", REVIEWER_PASSWORD).get("/api/review-queue").then().statusCode(200);
        b.as("reviewer", REVIEWER_PASSWORD).get("/api/review-queue").then().statusCode(200);
        int attempts = 20;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                AppProcess instance = i % 2 == 0 ? a : b;
                Map<String, Object> approve = Map.of("action", "APPROVE", "version", version);
                Callable<Integer> send = () -> {
                    start.await();
                    return transition(instance, "reviewer", REVIEWER_PASSWORD, claim, approve).statusCode();
                };
                answers.add(pool.submit(send));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 200).containsOnly(409);
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = database.superuser("quotecheck"); Statement s = c.createStatement();
             ResultSet approvals = s.executeQuery("SELECT count(*) FROM audit_event WHERE claim_id = " + claim
                     + " AND to_state = 'APPROVED'")) {
            approvals.next();
            assertThat(approvals.getInt(1)).isEqualTo(1);
        }
        a.as("reviewer", REVIEWER_PASSWORD).get("/api/claims/" + claim).then().statusCode(200);
        assertThat(b.as("reviewer", REVIEWER_PASSWORD).get("/api/claims/" + claim).then().extract().<String>path("state"))
                .isEqualTo("APPROVED");
    }

    @Test
    void backgroundJobsRunOnceAcrossInstances() throws Exception {
        double before = a.jobsRun("SOURCE_PASSAGES") + b.jobsRun("SOURCE_PASSAGES");
        int sources = 12;
        for (int i = 0; i < sources; i++) {
            AppProcess instance = i % 2 == 0 ? a : b;
            instance.as("editor", EDITOR_PASSWORD).contentType(ContentType.JSON)
                    .body(Map.of("title", "Readout " + i, "type", "TRANSCRIPT",
                            "text", "The council met on " + (i + 1) + " March. The budget grew by " + (i + 3)
                                    + " percent. Nobody objected to the ferry timetable."))
                    .post("/api/sources").then().statusCode(201);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (openJobs() > 0) {
            assertThat(System.nanoTime()).as("jobs finished within 90 s").isLessThan(deadline);
            Thread.sleep(300);
        }
        try (Connection c = database.superuser("quotecheck"); Statement s = c.createStatement();
             ResultSet jobs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE state = 'DONE' AND attempts = 1),"
                     + " count(DISTINCT locked_by) FROM job WHERE kind = 'SOURCE_PASSAGES'")) {
            jobs.next();
            assertThat(jobs.getInt(2)).as("every passage job done on its first attempt").isEqualTo(jobs.getInt(1));
            assertThat(jobs.getInt(1)).isGreaterThanOrEqualTo(sources);
            double runs = a.jobsRun("SOURCE_PASSAGES") + b.jobsRun("SOURCE_PASSAGES") - before;
            assertThat(runs).as("runs counted by both instances' metrics").isEqualTo(jobs.getInt(1));
        }
    }

    private static int openJobs() throws Exception {
        try (Connection c = database.superuser("quotecheck"); Statement s = c.createStatement();
             ResultSet open = s.executeQuery("SELECT count(*) FROM job WHERE state IN ('PENDING', 'RUNNING')")) {
            open.next();
            return open.getInt(1);
        }
    }

    private static void createUser(AppProcess instance, String username, String password, String role) {
        instance.as("admin", AppProcess.ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "roles", List.of(role)))
                .post("/api/users").then().statusCode(201);
    }

    private static Response transition(AppProcess instance, String user, String password, int claim, Map<String, Object> body) {
        return instance.as(user, password).contentType(ContentType.JSON).body(body).post("/api/claims/" + claim + "/transitions");
    }
}

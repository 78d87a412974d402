package org.quotecheck.instances;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) started as its own process on a free port,
 * configured through the environment as an operator would.
 */
final class AppProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "it-bootstrap-secret-7";
    static final String SESSION_KEY = "one-session-key-for-every-instance-0123456789";

    final String name;
    final int port;
    private final Process process;
    private final Path log;

    private AppProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** What a process that was expected to stop by itself did: its exit code and its log. */
    record Exit(int code, String log) {
    }

    /** Starts the application and waits for it to stop by itself (a refused configuration), at most {@code limit}. */
    static Exit runUntilItStops(String name, PostgresProcess database, Path workDirectory, Map<String, String> extra,
                                Duration limit) throws IOException, InterruptedException {
        AppProcess app = launch(name, database, workDirectory, extra);
        if (!app.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            app.close();
            throw new IllegalStateException(name + " was still running after " + limit + ":\n" + app.log());
        }
        return new Exit(app.process.exitValue(), app.log());
    }

    static AppProcess start(String name, PostgresProcess database, Path workDirectory, Map<String, String> extra)
            throws IOException, InterruptedException {
        AppProcess app = launch(name, database, workDirectory, extra);
        try {
            app.awaitHealthy(Duration.ofSeconds(90));
        } catch (IllegalStateException | InterruptedException e) {
            app.close();
            throw e;
        }
        return app;
    }

    private static AppProcess launch(String name, PostgresProcess database, Path workDirectory, Map<String, String> extra)
            throws IOException {
        Path jar = Path.of(System.getProperty("quotecheck.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Package the application first (./mvnw verify runs this test after it): " + jar);
        }
        Files.createDirectories(workDirectory);
        int port = PostgresProcess.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", "quotecheck_app");
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresProcess.APP_PASSWORD);
        env.put("QUARKUS_FLYWAY_USERNAME", "quotecheck");
        env.put("QUARKUS_FLYWAY_PASSWORD", PostgresProcess.OWNER_PASSWORD);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUOTECHECK_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", SESSION_KEY);
        env.putAll(extra);
        Path log = workDirectory.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx768m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .directory(workDirectory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new AppProcess(name, port, builder.start(), log);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A request to this instance; an answer that takes more than 30 s fails the test instead of hanging it. */
    RequestSpecification request() {
        return RestAssured.given().baseUri(baseUrl()).redirects().follow(false).config(RestAssured.config().httpClient(
                HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 30_000).setParam("http.connection.timeout", 5_000)));
    }

    RequestSpecification as(String username, String password) {
        return request().auth().preemptive().basic(username, password);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** How many jobs of {@code kind} this instance ran, from its own metrics. */
    double jobsRun(String kind) {
        String metrics = as("admin", ADMIN_PASSWORD).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("quotecheck_jobs_seconds_count{") && l.contains("kind=\"" + kind + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private void awaitHealthy(Duration limit) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting:\n" + log());
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + limit + ":\n" + log());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

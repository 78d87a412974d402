package org.quotecheck.benchmark;

import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.quotecheck.database.EmbeddedPostgresServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The approval queue's queries with 100,000 claims in review (and 100,000 approved ones around them), on a real
 * PostgreSQL 17 with the application's migrations: the first page, a page 50,000 claims in by keyset, the same page
 * by OFFSET for comparison, and the count for the badge. Prints the query plans (EXPLAIN ANALYZE) once.
 * Run: {@code ./mvnw -Pbenchmark test-compile exec:exec -Dbenchmark=Queue}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class QueueBenchmark {

    static final String PAGE = "select c.id, c.text, c.speaker, c.rating, c.rationale, c.submitted_at, u.username from claim c"
            + " left join app_user u on u.id = c.submitted_by where c.state = 'IN_REVIEW'";
    static final String ORDER = " order by c.submitted_at, c.id limit 26";
    static final String PER_STATE = "select state, count(*) from claim group by state order by state";
    static final String PER_DAY = "select to_char(decided_at at time zone 'UTC', 'YYYY-MM-DD'), count(*) from claim"
            + " where state = 'APPROVED' and decided_at >= now() - interval '30 days' group by 1";
    static final String UNCHECKED = "select a.id, a.title, count(*) filter (where c.state in ('NEW', 'IN_PROGRESS', 'RETURNED')),"
            + " count(*) filter (where c.state <> 'DISMISSED') from article a join claim c on c.article_id = a.id"
            + " group by a.id, a.title having count(*) filter (where c.state in ('NEW', 'IN_PROGRESS', 'RETURNED')) > 0"
            + " order by a.id desc limit 10";

    private EmbeddedPostgresServer.Running server;
    private Connection connection;
    private Timestamp middleAt;
    private long middleId;

    @Setup(Level.Trial)
    public void load() throws SQLException {
        Path base = Path.of("target", "embedded-postgres");
        server = EmbeddedPostgresServer.start(new EmbeddedPostgresServer.Layout(base.resolve("bench-" + UUID.randomUUID()),
                base.resolve("binaries"), true));
        Flyway.configure().dataSource(server.jdbcUrl(), "postgres", "").locations("filesystem:db-migrations").load().migrate();
        connection = DriverManager.getConnection(server.jdbcUrl());
        try (Statement s = connection.createStatement()) {
            s.execute("insert into app_user (username, password, roles, display_name) values ('bench', 'x', 'EDITOR', 'Bench')");
            s.execute("insert into article (title, body, created_by, created_at, updated_at) select 'Article ' || g, 'Body', 1,"
                    + " now(), now() from generate_series(1, 1000) g");
            // 100,000 in review and 100,000 approved, submitted over the last 90 days in random order.
            s.execute("insert into claim (article_id, type, text, start_offset, end_offset, speaker, origin, state, rating,"
                    + " rationale, submitted_by, submitted_at, created_at, updated_at)"
                    + " select 1 + (g % 1000), 'DIRECT_QUOTE', 'Quote number ' || g, 0, 10, 'Speaker ' || (g % 50), 'EXTRACTED',"
                    + " case when g % 2 = 0 then 'IN_REVIEW' else 'APPROVED' end, 'ACCURATE', 'Rationale', 1,"
                    + " now() - (random() * interval '90 days'), now(), now() from generate_series(1, 200000) g");
            s.execute("update claim set decided_at = submitted_at + interval '1 hour' where state = 'APPROVED'");
            s.execute("analyze");
            try (ResultSet middle = s.executeQuery(PAGE + " order by c.submitted_at, c.id offset 50000 limit 1")) {
                middle.next();
                middleId = middle.getLong(1);
                middleAt = middle.getTimestamp(6);
            }
            System.out.println("\n[plan] first page:\n" + plan(s, "explain analyze " + PAGE + ORDER));
            System.out.println("[plan] keyset page 50,000 in:\n" + plan(s, "explain analyze " + PAGE
                    + " and (c.submitted_at, c.id) > ('" + middleAt + "', " + middleId + ")" + ORDER));
            System.out.println("[plan] offset page 50,000 in:\n" + plan(s, "explain analyze " + PAGE
                    + " order by c.submitted_at, c.id offset 50000 limit 26"));
            System.out.println("[plan] count:\n" + plan(s, "explain analyze select count(*) from claim c where c.state = 'IN_REVIEW'"));
            System.out.println("[plan] dashboard, claims per state:\n" + plan(s, "explain analyze " + PER_STATE));
            System.out.println("[plan] dashboard, approvals per day:\n" + plan(s, "explain analyze " + PER_DAY));
        }
    }

    private static String plan(Statement s, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                out.append("    ").append(rows.getString(1)).append('\n');
            }
        }
        return out.toString();
    }

    @TearDown(Level.Trial)
    public void stop() throws SQLException {
        connection.close();
        server.stop();
    }

    @Benchmark
    public long firstPage() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(PAGE + ORDER)) {
            return drain(rows);
        }
    }

    @Benchmark
    public long keysetPageFiftyThousandIn() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(PAGE
                + " and (c.submitted_at, c.id) > (?, ?)" + ORDER)) {
            s.setTimestamp(1, middleAt);
            s.setLong(2, middleId);
            try (ResultSet rows = s.executeQuery()) {
                return drain(rows);
            }
        }
    }

    @Benchmark
    public long offsetPageFiftyThousandIn() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rows = s.executeQuery(PAGE + " order by c.submitted_at, c.id offset 50000 limit 26")) {
            return drain(rows);
        }
    }

    @Benchmark
    public long countForTheBadge() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rows = s.executeQuery("select count(*) from claim c where c.state = 'IN_REVIEW'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Benchmark
    public long dashboardClaimsPerState() throws SQLException {
        return query(PER_STATE);
    }

    @Benchmark
    public long dashboardApprovalsPerDay() throws SQLException {
        return query(PER_DAY);
    }

    @Benchmark
    public long dashboardArticlesWithUncheckedClaims() throws SQLException {
        return query(UNCHECKED);
    }

    private long query(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            long n = 0;
            while (rows.next()) {
                n += rows.getLong(2);
            }
            return n;
        }
    }

    private static long drain(ResultSet rows) throws SQLException {
        long n = 0;
        while (rows.next()) {
            n += rows.getLong(1);
        }
        return n;
    }
}

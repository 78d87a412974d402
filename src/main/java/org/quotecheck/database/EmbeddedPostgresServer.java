package org.quotecheck.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Starts a real PostgreSQL (zonky's binaries from Maven Central) for a Quotecheck process that has no external
 * database configured. One server per JVM: its JDBC URL is kept in a system property so that dev-mode restarts,
 * which load application classes afresh, reuse the running server instead of starting a second one on the same
 * data directory. A lock file makes a second process on the same data directory fail with a clear message.
 */
public final class EmbeddedPostgresServer {

    static final String URL_PROPERTY = "quotecheck-runtime.embedded-jdbc-url";
    static final String DATABASE = "quotecheck";
    static final String USER = "postgres";
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class.getName());

    private EmbeddedPostgresServer() {
    }

    /** Where the server keeps its cluster and whether it is thrown away when the JVM stops. */
    public record Layout(Path dataDirectory, Path binariesDirectory, boolean ephemeral) {
    }

    /** Returns the JDBC URL of this JVM's embedded server, starting it first if needed. */
    public static synchronized String jdbcUrl(Layout layout) {
        String running = System.getProperty(URL_PROPERTY);
        if (running != null) {
            return running;
        }
        Running server = start(layout);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
        System.setProperty(URL_PROPERTY, server.jdbcUrl());
        return server.jdbcUrl();
    }

    /** A started server; {@link #stop()} shuts it down, releases the data directory and drops a throwaway one. */
    public record Running(String jdbcUrl, Runnable stopAction) {
        public void stop() {
            stopAction.run();
        }
    }

    /** Starts a server on {@code layout}; fails clearly if another process holds its data directory. */
    public static Running start(Layout layout) {
        try {
            Files.createDirectories(layout.dataDirectory());
            Files.createDirectories(layout.binariesDirectory());
            FileLock lock = lockDataDirectory(layout.dataDirectory());
            Path cluster = layout.dataDirectory().resolve("postgres");
            // zonky also creates a default working directory under java.io.tmpdir unless told where to work.
            if (System.getProperty("ot.epg.working-dir") == null) {
                System.setProperty("ot.epg.working-dir", layout.binariesDirectory().toAbsolutePath().toString());
            }
            long began = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(layout.ephemeral())
                    .setOverrideWorkingDirectory(layout.binariesDirectory().toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .start();
            createDatabaseIfAbsent(postgres);
            LOG.info(() -> String.format("Embedded PostgreSQL 17 started on port %d with data in %s (%d ms)%s",
                    postgres.getPort(), cluster, (System.nanoTime() - began) / 1_000_000,
                    layout.ephemeral() ? ", discarded at exit" : ""));
            return new Running(postgres.getJdbcUrl(USER, DATABASE), () -> stop(postgres, lock, layout));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + layout.dataDirectory()
                    + ": " + e.getMessage() + ". Set QUARKUS_DATASOURCE_JDBC_URL to use an external server.", e);
        }
    }

    private static FileLock lockDataDirectory(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve("quotecheck.lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("Another Quotecheck instance is already using the data directory "
                    + dataDirectory.toAbsolutePath() + ". Stop it, or point this one elsewhere with QUOTECHECK_DATA_DIR.");
        }
        return lock;
    }

    private static void createDatabaseIfAbsent(EmbeddedPostgres postgres) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("could not create database " + DATABASE, e);
        }
    }

    private static void stop(EmbeddedPostgres postgres, FileLock lock, Layout layout) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warning("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
        try {
            lock.release();
            lock.channel().close();
            if (layout.ephemeral()) {
                deleteRecursively(layout.dataDirectory());
            }
        } catch (IOException e) {
            LOG.warning("Could not release " + layout.dataDirectory() + ": " + e.getMessage());
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

package org.quotecheck.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL: real server, data that survives a restart, one owner per data directory, passwords
 * required from its very first start, a private socket, and clusters made by earlier versions locked down too.
 */
class EmbeddedPostgresServerTest {

    private final Path dataDir = Path.of("target", "embedded-postgres", "server-test-" + UUID.randomUUID());
    private final Path binaries = Path.of("target", "embedded-postgres", "binaries");
    private final EmbeddedPostgresServer.Layout layout = new EmbeddedPostgresServer.Layout(dataDir, binaries, false);

    @AfterEach
    void removeDataDirectory() throws Exception {
        if (Files.exists(dataDir)) {
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void dataSurvivesARestartAndASecondOwnerIsRefusedClearly() throws Exception {
        EmbeddedPostgresServer.Running first = EmbeddedPostgresServer.start(layout);
        try {
            try (Connection c = owner(first); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (word text)");
                s.execute("INSERT INTO kept VALUES ('still here')");
                try (ResultSet version = s.executeQuery("SHOW server_version")) {
                    version.next();
                    assertThat(version.getString(1)).startsWith("17.");
                }
            }
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(layout))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another Quotecheck instance is already using the data directory")
                    .hasMessageContaining("QUOTECHECK_DATA_DIR");
        } finally {
            first.stop();
        }
        assertThat(first.socketDirectory()).doesNotExist();

        EmbeddedPostgresServer.Running again = EmbeddedPostgresServer.start(layout);
        try (Connection c = owner(again); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT word FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        } finally {
            again.stop();
        }
    }

    @Test
    void everyConnectionNeedsItsPasswordAndTheSocketIsPrivate() throws Exception {
        EmbeddedPostgresServer.Running server = EmbeddedPostgresServer.start(layout);
        try {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", ""))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres"))
                    .hasMessageContaining("password authentication failed");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.credentials().superuserPassword());
                 Statement s = c.createStatement();
                 ResultSet rules = s.executeQuery("SELECT DISTINCT auth_method FROM pg_hba_file_rules")) {
                assertThat(rules.next()).isTrue();
                assertThat(rules.getString(1)).isEqualTo("scram-sha-256");
                assertThat(rules.next()).as("only one authentication method").isFalse();
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(Credentials.FILE))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.socketDirectory())))
                    .isEqualTo("rwx------");
            assertThat(dataDir.resolve("initdb-password")).doesNotExist();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(binaries))).isEqualTo("rwx------");
        } finally {
            server.stop();
        }
    }

    /** Unpacking the binaries into a new directory left it writable by everyone (drwx-w--w-): private after a start. */
    @Test
    void freshlyUnpackedBinariesArePrivate() throws Exception {
        Path fresh = Path.of("target", "embedded-postgres", "binaries-" + UUID.randomUUID());
        EmbeddedPostgresServer.Running server = EmbeddedPostgresServer.start(new EmbeddedPostgresServer.Layout(dataDir, fresh, true));
        try {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
        } finally {
            server.stop();
            try (var paths = Files.walk(fresh)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void aClusterFromAnEarlierVersionThatTrustedEveryoneIsLockedDown() throws Exception {
        Path cluster = dataDir.resolve("postgres");
        Files.createDirectories(cluster);
        // What earlier versions made: zonky's defaults, trusting every local connection.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile()).setLocaleConfig("encoding", "UTF8").start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE quotecheck");
        }
        EmbeddedPostgresServer.Running server = EmbeddedPostgresServer.start(layout);
        try {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "")).isInstanceOf(SQLException.class);
            try (Connection c = owner(server); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo(EmbeddedPostgresServer.OWNER);
            }
        } finally {
            server.stop();
        }
    }

    private static Connection owner(EmbeddedPostgresServer.Running server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.OWNER, server.credentials().ownerPassword());
    }
}

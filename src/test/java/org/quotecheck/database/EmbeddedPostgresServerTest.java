package org.quotecheck.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded PostgreSQL: real server, data that survives a restart, one owner per data directory. */
class EmbeddedPostgresServerTest {

    private final Path dataDir = Path.of("target", "embedded-postgres", "server-test-" + UUID.randomUUID());
    private final EmbeddedPostgresServer.Layout layout =
            new EmbeddedPostgresServer.Layout(dataDir, Path.of("target", "embedded-postgres", "binaries"), false);

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
            try (Connection c = DriverManager.getConnection(first.jdbcUrl()); Statement s = c.createStatement()) {
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

        EmbeddedPostgresServer.Running again = EmbeddedPostgresServer.start(layout);
        try (Connection c = DriverManager.getConnection(again.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT word FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        } finally {
            again.stop();
        }
    }
}

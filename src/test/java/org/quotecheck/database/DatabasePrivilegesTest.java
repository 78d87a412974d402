package org.quotecheck.database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the application's own database connection may do: read and write its tables, append to the audit tables,
 * and nothing else. The schema owner (which runs the migrations) meets the audit triggers, TRUNCATE included.
 */
@QuarkusTest
class DatabasePrivilegesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theApplicationConnectsAsAnOrdinaryRole() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT current_user, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles"
                     + " WHERE rolname = current_user")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(EmbeddedPostgresServer.APP);
            assertThat(rows.getBoolean(2)).as("superuser").isFalse();
            assertThat(rows.getBoolean(3)).as("may create roles").isFalse();
            assertThat(rows.getBoolean(4)).as("may create databases").isFalse();
        }
    }

    @Test
    void theApplicationMayOnlyReadAndAppendToTheAuditTables() throws SQLException {
        for (String sql : List.of("UPDATE audit_event SET note = 'rewritten'", "DELETE FROM audit_event",
                "TRUNCATE audit_event", "DELETE FROM report_export", "TRUNCATE report_export",
                "ALTER TABLE audit_event DISABLE TRIGGER ALL", "DROP TRIGGER audit_event_append_only ON audit_event",
                "COPY (SELECT 1) TO PROGRAM 'true'", "CREATE TABLE intruder (x int)")) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(sql + " SQLSTATE")
                                .isIn("42501", "42P01")); // insufficient privilege (or must be owner)
            }
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT has_table_privilege('audit_event', 'INSERT'),"
                     + " has_table_privilege('audit_event', 'SELECT'), has_table_privilege('claim', 'UPDATE')")) {
            rows.next();
            assertThat(rows.getBoolean(1)).isTrue();
            assertThat(rows.getBoolean(2)).isTrue();
            assertThat(rows.getBoolean(3)).isTrue();
        }
    }

    @Test
    void evenTheOwnerCannotTruncateOrRewriteTheAuditTrail() throws SQLException {
        try (Connection owner = ownerConnection(); Statement s = owner.createStatement()) {
            for (String sql : List.of("TRUNCATE audit_event", "TRUNCATE report_export")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).hasMessageContaining("append-only");
            }
        }
    }

    @Test
    void theEmbeddedServerRequiresPasswordsAndKeepsThemPrivate() throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        for (String user : List.of("postgres", EmbeddedPostgresServer.OWNER, EmbeddedPostgresServer.APP)) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, user, "")).as(user + " without a password")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, user, "guess")).as(user + " with a wrong password")
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }
        Path dataDirectory = Path.of(System.getProperty(EmbeddedPostgresServer.DATA_DIR_PROPERTY));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDirectory.resolve(Credentials.FILE))))
                .isEqualTo("rw-------");
        Path socketDirectory = Path.of(System.getProperty(EmbeddedPostgresServer.SOCKET_DIR_PROPERTY));
        assertThat(socketDirectory).isNotEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socketDirectory))).isEqualTo("rwx------");
        try (var sockets = Files.list(socketDirectory)) {
            assertThat(sockets.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith(".s.PGSQL."));
        }
    }

    static Connection ownerConnection() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class), config.getValue("quarkus.flyway.password", String.class));
    }
}

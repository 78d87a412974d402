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
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Starts a real PostgreSQL (zonky's binaries from Maven Central) for a Quotecheck process that has no external
 * database configured, locked down as a production server would be:
 * <ul>
 *   <li>every connection needs a password (SCRAM-SHA-256; the cluster is initialised that way, so it is never open,
 *       not even during its first start); the generated passwords live in {@code credentials.properties} in the data
 *       directory, readable by its owner only;</li>
 *   <li>the Unix socket lies in a private directory (mode 0700), not in the shared temporary directory;</li>
 *   <li>migrations run as {@value #OWNER}, which owns the database but is no superuser; the application connects as
 *       {@value #APP}, which may read and write the tables but only read and append to the audit tables.</li>
 * </ul>
 * One server per JVM: its JDBC URL is kept in a system property so that dev-mode restarts, which load application
 * classes afresh, reuse the running server instead of starting a second one on the same data directory. A lock file
 * makes a second process on the same data directory fail with a clear message.
 */
public final class EmbeddedPostgresServer {

    static final String URL_PROPERTY = "quotecheck-runtime.embedded-jdbc-url";
    static final String DATA_DIR_PROPERTY = "quotecheck-runtime.embedded-data-dir";
    static final String SOCKET_DIR_PROPERTY = "quotecheck-runtime.embedded-socket-dir";
    static final String DATABASE = "quotecheck";
    static final String SUPERUSER = "postgres";
    /** Owns the database and its schema; Flyway migrates as this role. */
    public static final String OWNER = "quotecheck";
    /** What the application connects as. */
    public static final String APP = "quotecheck_app";
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class.getName());
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> PRIVATE_DIRECTORY =
            PosixFilePermissions.fromString("rwx------");

    private EmbeddedPostgresServer() {
    }

    /** Where the server keeps its cluster and whether it is thrown away when the JVM stops. */
    public record Layout(Path dataDirectory, Path binariesDirectory, boolean ephemeral) {
    }

    /** A started server; {@link #stop()} shuts it down, releases the data directory and drops a throwaway one. */
    public record Running(String jdbcUrl, Credentials credentials, Path socketDirectory, Runnable stopAction) {
        public void stop() {
            stopAction.run();
        }
    }

    /** Returns this JVM's embedded server, starting it first if needed. */
    public static synchronized Endpoint endpoint(Layout layout) {
        String running = System.getProperty(URL_PROPERTY);
        if (running != null) {
            Path dataDirectory = Path.of(System.getProperty(DATA_DIR_PROPERTY));
            return new Endpoint(running, Credentials.read(dataDirectory));
        }
        Running server = start(layout);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
        System.setProperty(URL_PROPERTY, server.jdbcUrl());
        System.setProperty(DATA_DIR_PROPERTY, layout.dataDirectory().toAbsolutePath().toString());
        System.setProperty(SOCKET_DIR_PROPERTY, server.socketDirectory().toAbsolutePath().toString());
        return new Endpoint(server.jdbcUrl(), server.credentials());
    }

    /** How the application reaches the running server. */
    public record Endpoint(String jdbcUrl, Credentials credentials) {
    }

    /** Starts a server on {@code layout}; fails clearly if another process holds its data directory. */
    public static Running start(Layout layout) {
        Path socketDirectory = null;
        try {
            Files.createDirectories(layout.dataDirectory());
            Files.createDirectories(layout.binariesDirectory());
            // Nobody else may read the passwords or swap the PostgreSQL binaries this process will run.
            Files.setPosixFilePermissions(layout.dataDirectory(), PRIVATE_DIRECTORY);
            Files.setPosixFilePermissions(layout.binariesDirectory(), PRIVATE_DIRECTORY);
            FileLock lock = lockDataDirectory(layout.dataDirectory());
            Path cluster = layout.dataDirectory().resolve("postgres");
            boolean fresh = !Files.exists(cluster.resolve("postgresql.conf"));
            boolean legacy = !fresh && !Credentials.exist(layout.dataDirectory());
            Credentials credentials = Credentials.readOrCreate(layout.dataDirectory());
            socketDirectory = Files.createTempDirectory("quotecheck-pg-", PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
            Files.setPosixFilePermissions(socketDirectory, PRIVATE_DIRECTORY); // whatever the umask
            // zonky also creates a default working directory under java.io.tmpdir unless told where to work.
            if (System.getProperty("ot.epg.working-dir") == null) {
                System.setProperty("ot.epg.working-dir", layout.binariesDirectory().toAbsolutePath().toString());
            }
            Path passwordFile = fresh ? credentials.writeSuperuserPasswordFile(layout.dataDirectory()) : null;
            long began = System.nanoTime();
            EmbeddedPostgres postgres;
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(cluster)
                        .setCleanDataDirectory(layout.ephemeral())
                        .setOverrideWorkingDirectory(layout.binariesDirectory().toFile())
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setRegisterShutdownHook(false)
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("listen_addresses", "localhost")
                        .setServerConfig("unix_socket_directories", socketDirectory.toAbsolutePath().toString())
                        .setServerConfig("password_encryption", "scram-sha-256")
                        .setLocaleConfig("encoding", "UTF8")
                        .setLocaleConfig("locale", "C.UTF-8")
                        .setConnectConfig("password", credentials.superuserPassword());
                if (!layout.ephemeral()) {
                    // zonky starts PostgreSQL for throwaway test clusters (fsync off, asynchronous commit); data kept
                    // across restarts must survive a crash, and a commit the app reported must be on disk.
                    builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
                }
                if (passwordFile != null) {
                    // initdb's options after zonky's own "-A trust": the later --auth wins, so the cluster is born
                    // with passwords required and the superuser's password set.
                    builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
                }
                postgres = builder.start();
                // Unpacking the binaries makes zonky add write access for everyone to their directory: take it back.
                Files.setPosixFilePermissions(layout.binariesDirectory(), PRIVATE_DIRECTORY);
            } finally {
                if (passwordFile != null) {
                    Files.deleteIfExists(passwordFile);
                }
            }
            String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.getPort()
                    + "/postgres", SUPERUSER, credentials.superuserPassword())) {
                if (legacy) {
                    requirePasswords(admin, credentials, cluster);
                }
                createRolesAndDatabase(admin, credentials);
            }
            try (Connection owned = DriverManager.getConnection(jdbcUrl, SUPERUSER, credentials.superuserPassword())) {
                handOverToOwner(owned);
            }
            LOG.info(() -> String.format("Embedded PostgreSQL 17 started on port %d with data in %s (%d ms)%s",
                    postgres.getPort(), cluster, (System.nanoTime() - began) / 1_000_000,
                    layout.ephemeral() ? ", discarded at exit" : ""));
            Path socket = socketDirectory;
            return new Running(jdbcUrl, credentials, socket, () -> stop(postgres, lock, layout, socket));
        } catch (IOException e) {
            deleteQuietly(socketDirectory);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + layout.dataDirectory()
                    + ": " + e.getMessage() + ". Set QUARKUS_DATASOURCE_JDBC_URL to use an external server.", e);
        } catch (SQLException e) {
            deleteQuietly(socketDirectory);
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL in " + layout.dataDirectory()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * A cluster made by an earlier Quotecheck trusted every local connection. Give its superuser a password, then
     * require passwords everywhere; the new rules apply as soon as the configuration is reloaded.
     */
    private static void requirePasswords(Connection admin, Credentials credentials, Path cluster) throws SQLException, IOException {
        try (Statement s = admin.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD " + literal(credentials.superuserPassword()));
        }
        Files.writeString(cluster.resolve("pg_hba.conf"), """
                # Written by Quotecheck: a password (SCRAM-SHA-256) for every connection, local or over loopback.
                local   all   all                  scram-sha-256
                host    all   all   127.0.0.1/32   scram-sha-256
                host    all   all   ::1/128        scram-sha-256
                """);
        try (Statement s = admin.createStatement()) {
            s.execute("SELECT pg_reload_conf()");
        }
        LOG.info("The embedded PostgreSQL now requires passwords; they are in credentials.properties in the data directory.");
    }

    /** The owner and application roles (passwords kept in step with the credentials file) and the database. */
    private static void createRolesAndDatabase(Connection admin, Credentials credentials) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            for (String[] role : new String[][] {{OWNER, credentials.ownerPassword()}, {APP, credentials.appPassword()}}) {
                String verb = exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role[0]) ? "ALTER" : "CREATE";
                s.execute(verb + " ROLE " + role[0] + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
                        + " NOBYPASSRLS PASSWORD " + literal(role[1]));
            }
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER + " ENCODING 'UTF8'");
            } else {
                s.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + OWNER);
            }
            s.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + DATABASE + " TO " + APP);
        }
    }

    /**
     * Inside the database: the owner owns the public schema and, in a database an earlier Quotecheck made as
     * superuser, every table, sequence and function in it. The application role may use the schema; its table
     * privileges are granted by the migrations (V7), which run as the owner.
     */
    private static void handOverToOwner(Connection owned) throws SQLException {
        try (Statement s = owned.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO " + OWNER);
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("GRANT USAGE ON SCHEMA public TO " + APP);
            s.execute("""
                    DO $$
                    DECLARE item record;
                    BEGIN
                        FOR item IN SELECT c.relname, c.relkind FROM pg_class c
                                JOIN pg_namespace n ON n.oid = c.relnamespace
                                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
                                AND pg_get_userbyid(c.relowner) <> '%1$s' LOOP
                            EXECUTE format('ALTER TABLE public.%%I OWNER TO %1$s', item.relname);
                        END LOOP;
                        FOR item IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
                                JOIN pg_namespace n ON n.oid = p.pronamespace
                                WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '%1$s' LOOP
                            EXECUTE format('ALTER FUNCTION %%s OWNER TO %1$s', item.signature);
                        END LOOP;
                    END $$""".formatted(OWNER));
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Passwords are generated (URL-safe Base64), but quote them properly all the same. */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
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

    private static void stop(EmbeddedPostgres postgres, FileLock lock, Layout layout, Path socketDirectory) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warning("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
        deleteQuietly(socketDirectory);
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

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try {
            deleteRecursively(directory);
        } catch (IOException e) {
            LOG.warning("Could not remove " + directory + ": " + e.getMessage());
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

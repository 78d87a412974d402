package org.quotecheck.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The embedded server's passwords: generated once, kept in {@code credentials.properties} in the data directory
 * with mode 0600, so that only the account running Quotecheck can read them.
 */
public record Credentials(String superuserPassword, String ownerPassword, String appPassword) {

    static final String FILE = "credentials.properties";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    static boolean exist(Path dataDirectory) {
        return Files.exists(dataDirectory.resolve(FILE));
    }

    static Credentials read(Path dataDirectory) {
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(dataDirectory.resolve(FILE), StandardCharsets.UTF_8)) {
            values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + dataDirectory.resolve(FILE), e);
        }
        return new Credentials(values.getProperty("superuser"), values.getProperty("owner"), values.getProperty("app"));
    }

    static Credentials readOrCreate(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE);
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            Credentials stored = read(dataDirectory);
            if (stored.superuserPassword() != null && stored.ownerPassword() != null && stored.appPassword() != null) {
                return stored;
            }
        }
        Credentials created = new Credentials(generate(), generate(), generate());
        Properties values = new Properties();
        values.setProperty("superuser", created.superuserPassword());
        values.setProperty("owner", created.ownerPassword());
        values.setProperty("app", created.appPassword());
        Path temporary = dataDirectory.resolve(FILE + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
            values.store(out, "Passwords of the embedded PostgreSQL (roles postgres, " + EmbeddedPostgresServer.OWNER
                    + ", " + EmbeddedPostgresServer.APP + "). Keep this file private.");
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return created;
    }

    /** The superuser's password in a file of its own, as initdb's --pwfile wants it; deleted once the server runs. */
    Path writeSuperuserPasswordFile(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve("initdb-password");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(file, superuserPassword + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "Credentials[hidden]";
    }
}

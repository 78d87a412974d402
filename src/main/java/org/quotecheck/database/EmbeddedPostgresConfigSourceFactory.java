package org.quotecheck.database;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.quotecheck.database.EmbeddedPostgresServer.Layout;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Supplies the datasource settings of the embedded PostgreSQL when no external database is configured
 * ({@code QUARKUS_DATASOURCE_JDBC_URL} unset): the application connects as the least-privileged role, Flyway
 * migrates as the owner. Runs when Quarkus builds its runtime configuration, so the server
 * is up before the datasource, Flyway and Hibernate start. In the test profile the cluster is a throwaway one under
 * {@code target/}; otherwise it lives in {@code QUOTECHECK_DATA_DIR} (default {@code data/}).
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    /** Below environment variables (300) and system properties (400), above application.properties (250). */
    private static final int ORDINAL = 270;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context.getValue(JDBC_URL)) || !embeddedEnabled(context) || isBuildTime()) {
            return List.of();
        }
        EmbeddedPostgresServer.Endpoint server = EmbeddedPostgresServer.endpoint(layout(context));
        return List.of(new MapBackedConfigSource("quotecheck-embedded-postgresql", Map.of(
                JDBC_URL, server.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedPostgresServer.APP,
                "quarkus.datasource.password", server.credentials().appPassword(),
                "quarkus.flyway.username", EmbeddedPostgresServer.OWNER,
                "quarkus.flyway.password", server.credentials().ownerPassword()), ORDINAL) {
        });
    }

    private static boolean embeddedEnabled(ConfigSourceContext context) {
        ConfigValue enabled = context.getValue("quotecheck.embedded-postgres.enabled");
        return !isSet(enabled) || Boolean.parseBoolean(enabled.getValue());
    }

    /**
     * Quarkus also reads configuration while it builds the application (augmentation); no database is needed then.
     */
    private static boolean isBuildTime() {
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            String name = frame.getClassName();
            if (name.startsWith("io.quarkus.deployment.") || name.startsWith("io.quarkus.maven.")) {
                return true;
            }
        }
        return false;
    }

    private static Layout layout(ConfigSourceContext context) {
        boolean test = context.getProfiles().contains("test");
        if (test) {
            Path base = Path.of("target", "embedded-postgres");
            return new Layout(base.resolve("test-" + UUID.randomUUID()), base.resolve("binaries"), true);
        }
        Path dataDir = Path.of(firstSet(context, "QUOTECHECK_DATA_DIR", "quotecheck.data-dir", "data"));
        return new Layout(dataDir, dataDir.resolve("binaries"), false);
    }

    private static String firstSet(ConfigSourceContext context, String envName, String propertyName, String fallback) {
        ConfigValue env = context.getValue(envName);
        if (isSet(env)) {
            return env.getValue();
        }
        ConfigValue property = context.getValue(propertyName);
        return isSet(property) ? property.getValue() : fallback;
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}

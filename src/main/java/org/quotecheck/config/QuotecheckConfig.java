package org.quotecheck.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Quotecheck's own settings; each can also be given as an environment variable (QUOTECHECK_...). */
@ConfigMapping(prefix = "quotecheck")
public interface QuotecheckConfig {

    /** Where the embedded PostgreSQL keeps its data (QUOTECHECK_DATA_DIR). */
    @WithDefault("data")
    String dataDir();

    /** At start, if no administrator exists, create user {@code admin} with this password. */
    Optional<String> bootstrapAdminPassword();

    EmbeddedPostgres embeddedPostgres();

    Newsroom newsroom();

    /** Who publishes the verified-claims reports (schema.org ClaimReview author). */
    interface Newsroom {
        @WithDefault("Quotecheck newsroom")
        String name();

        /** The newsroom's web address. */
        @WithDefault("https://example.org")
        String url();

        /** Where this Quotecheck is reachable, for links to claims in exports. */
        @WithDefault("http://localhost:8080")
        String publicUrl();
    }

    interface EmbeddedPostgres {
        /** Start an embedded PostgreSQL when no QUARKUS_DATASOURCE_JDBC_URL is configured. */
        @WithDefault("true")
        boolean enabled();
    }
}

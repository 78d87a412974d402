package org.quotecheck.instances;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Starting the packaged application with a configuration it must refuse: one clear line, and a clean stop. */
class StartUpIT {

    @Test
    void aRefusedBootstrapPasswordStopsTheStartWithOneClearLineAndNoStackTrace() throws Exception {
        Path base = Path.of("target", "it", "start-up-" + UUID.randomUUID().toString().substring(0, 8));
        try (PostgresProcess database = PostgresProcess.start(base.resolve("postgres"))) {
            AppProcess.Exit exit = AppProcess.runUntilItStops("refused", database, base.resolve("app"),
                    Map.of("QUOTECHECK_BOOTSTRAP_ADMIN_PASSWORD", "MyAdminPassword2026"), Duration.ofSeconds(120));
            assertThat(exit.code()).as("a configuration error").isEqualTo(78);
            assertThat(exit.log()).contains("QUOTECHECK_BOOTSTRAP_ADMIN_PASSWORD cannot be used:")
                    .contains("must not contain the username").contains("set another password and start again");
            assertThat(exit.log()).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }
}

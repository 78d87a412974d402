package org.quotecheck.source;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample sources that dev mode adds with the sample article ship inside the application, labelled as samples. */
class DemoSourcesTest {

    @Test
    void everySampleSourceShipsAndSaysItIsASample() throws IOException {
        assertThat(DemoSources.SAMPLES).hasSize(4);
        for (DemoSources.Sample sample : DemoSources.SAMPLES) {
            assertThat(sample.title()).startsWith("Sample: ");
            try (InputStream in = DemoSources.class.getResourceAsStream("/demo/sources/" + sample.file())) {
                assertThat(in).as(sample.file()).isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).hasSizeGreaterThan(500);
            }
        }
        try (InputStream doorstep = DemoSources.class.getResourceAsStream("/demo/sources/takaichi-doorstep-2025-10-30.txt")) {
            assertThat(new String(doorstep.readAllBytes(), StandardCharsets.UTF_8)).contains("ended up lasting 45 minutes");
        }
    }
}

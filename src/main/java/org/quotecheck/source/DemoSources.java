package org.quotecheck.source;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Dev mode only: the sample sources of the sample article, labelled as samples, so that a newcomer checks a quote and
 * a statement within a minute of signing in, without pasting a source first.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DemoSources {

    record Sample(String file, String title, SourceType type, String speakers) {
    }

    static final List<Sample> SAMPLES = List.of(
            new Sample("takaichi-doorstep-2025-10-30.txt", "Sample: Takaichi doorstep remarks, Gyeongju, 30 October 2025",
                    SourceType.TRANSCRIPT, "Sanae Takaichi"),
            new Sample("mofa-summit-summary-2025-10-30.txt", "Sample: MOFA summary of the Japan-Korea summit, 30 October 2025",
                    SourceType.OFFICIAL_STATEMENT, null),
            new Sample("lee-opening-remarks-2025-10-30.txt", "Sample: Lee Jae Myung's opening remarks (summary by his office)",
                    SourceType.PRESS_RELEASE, "Lee Jae Myung"),
            new Sample("nishimura-interview-2025-10.txt", "Sample: Rintaro Nishimura interview, October 2025",
                    SourceType.INTERVIEW, "Rintaro Nishimura"));

    @Inject
    SourceService sources;

    void create(@Observes @Priority(15) StartupEvent start) {
        for (Sample sample : SAMPLES) {
            if (Source.count("title", sample.title()) > 0) {
                continue;
            }
            try (InputStream in = DemoSources.class.getResourceAsStream("/demo/sources/" + sample.file())) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                sources.create(new SourceInput(sample.title(), sample.type().name(), null, "2025-10-30", sample.speakers(), text),
                        null, null, "editor");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

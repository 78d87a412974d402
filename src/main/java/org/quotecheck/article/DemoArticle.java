package org.quotecheck.article;

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

/** Dev mode only: the sample article, so that a newcomer sees real content on first sign-in. */
@ApplicationScoped
@IfBuildProfile("dev")
public class DemoArticle {

    static final String TITLE = "Takaichi and Lee hold first summit in Gyeongju";

    @Inject
    ArticleService articles;

    void create(@Observes @Priority(20) StartupEvent start) {
        if (Article.count("title", TITLE) > 0) {
            return;
        }
        try (InputStream in = DemoArticle.class.getResourceAsStream("/demo/gyeongju-summit.txt")) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            articles.create(new ArticleInput(TITLE, "Sample outlet", null, "2025-10-30", body), "editor");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

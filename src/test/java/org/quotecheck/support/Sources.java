package org.quotecheck.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sources for tests, created over the API as an integration would, and the sample texts they use. */
public final class Sources {

    /** The opening of the ministry's summary of the Gyeongju summit. */
    public static final String SUMMIT = "On October 30, commencing at 5:05 p.m. for approximately 45 minutes, Ms. Sanae Takaichi, Prime"
            + " Minister of Japan, held a summit meeting with H.E. Mr. Lee Jae Myung, President of the Republic of Korea, in"
            + " Gyeongju. The meeting had been expected to last around 20 minutes. The overview is as follows.\n\n"
            + "1. The two leaders confirmed that they would continue frequent mutual visits by the leaders, known as shuttle diplomacy.";

    private Sources() {
    }

    public static String resource(String path) {
        try (InputStream in = Sources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a source and waits until its passages are embedded (the background job); returns its id. */
    public static int ready(TestUser editor, String title, String text) {
        int id = editor.api().contentType(ContentType.JSON).body(Map.of("title", title, "type", "OFFICIAL_STATEMENT", "text", text))
                .post("/api/sources").then().statusCode(201).extract().path("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath source = editor.api().get("/api/sources/" + id).then().statusCode(200).extract().jsonPath();
            if ("READY".equals(source.getString("semantic.state"))) {
                assertThat(source.getInt("semantic.embedded")).isEqualTo(source.getInt("semantic.passages")).isPositive();
                return id;
            }
            assertThat(source.getString("semantic.state")).isIn("PENDING", "RUNNING");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("source " + id + " was not prepared within 90 s");
    }
}

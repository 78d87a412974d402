package org.quotecheck.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small library for search tests: a story told by one source, and decoys that tell it with other numbers. Every
 * story carries a made-up name of its own, so tests never find each other's sources in the shared library.
 */
public final class Library {

    private static final Random RANDOM = new Random();

    private Library() {
    }

    /** A made-up name, letters only (so full-text search sees one word), different on every call. */
    public static String name() {
        StringBuilder word = new StringBuilder("Vel");
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    /** A council transcript about the bridge of {@code town}: the true source. */
    public static String story(String town, int cost, int year, String opens) {
        return "Transcript of the " + town + " council meeting.\n\n"
                + "The chair opened the session at ten and welcomed residents from the harbour district. "
                + "Mayor Elena Marchetti said the " + town + " bridge would cost " + cost + " million euros and open in " + year + ". "
                + "She added that the " + town + " works would " + opens + " start before the summer holidays. "
                + "Councillor Abe asked whether the ferry service would continue during construction. "
                + "The mayor replied that the ferry would keep running twice an hour until the bridge opens. "
                + "The council then voted on the library budget, which passed with nine votes to two.";
    }

    /** A union statement about a strike in {@code town}: another story, which no council transcript resembles. */
    public static String strike(String town) {
        return "Statement of the pilots' union.\n\n"
                + "The union said the " + town + " harbour pilots will strike for nine days in March. "
                + "Its secretary expects the port authority to call for mediation before then.";
    }

    public static int source(TestUser editor, String title, String text) {
        return editor.api().contentType(ContentType.JSON).body(Map.of("title", title, "type", "TRANSCRIPT", "text", text))
                .post("/api/sources").then().statusCode(201).extract().path("id");
    }

    /** Polls {@code path} until {@code done} holds (background jobs), and returns the last answer. */
    public static JsonPath await(TestUser user, String path, Predicate<JsonPath> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            last = user.api().get(path).then().statusCode(200).extract().jsonPath();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(last).as("%s within 90 s", path).isNull();
        return last;
    }
}

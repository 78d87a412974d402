package org.quotecheck.review;

import java.time.Duration;
import java.time.OffsetDateTime;

/** How long a claim has waited, as people say it: "just now", "12 min", "5 h", "3 d". */
public final class ReviewQueueAge {

    private ReviewQueueAge() {
    }

    public static String of(OffsetDateTime since) {
        return of(since, OffsetDateTime.now());
    }

    public static String of(OffsetDateTime since, OffsetDateTime now) {
        if (since == null) {
            return "";
        }
        Duration waited = Duration.between(since, now);
        if (waited.toMinutes() < 1) {
            return "just now";
        }
        if (waited.toHours() < 1) {
            return waited.toMinutes() + " min";
        }
        if (waited.toDays() < 1) {
            return waited.toHours() + " h";
        }
        return waited.toDays() + " d";
    }
}

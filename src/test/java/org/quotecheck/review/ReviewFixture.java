package org.quotecheck.review;

import io.restassured.http.ContentType;
import org.quotecheck.support.TestUser;

import java.util.HashMap;
import java.util.Map;

/** Builds claims in a given review state through the public API, as users would. */
final class ReviewFixture {

    private ReviewFixture() {
    }

    /** A new direct quote in a fresh article by {@code editor}; returns the claim id. */
    static int newClaim(TestUser editor, String words) {
        int article = editor.api().contentType(ContentType.JSON)
                .body(Map.of("title", "Review " + words, "body", "Mayor Dana Whitfield said, “" + words + "”"))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        return editor.api().get("/api/articles/" + article + "/claims").then().extract().path("find { it.type == 'DIRECT_QUOTE' }.id");
    }

    static int version(TestUser user, int claim) {
        return user.api().get("/api/claims/" + claim).then().statusCode(200).extract().path("version");
    }

    static io.restassured.response.Response act(TestUser user, int claim, String action, String rating, String note,
                                                Boolean noSourceFound) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("version", version(user, claim));
        if (rating != null) {
            body.put("rating", rating);
        }
        if (note != null) {
            body.put("note", note);
        }
        if (noSourceFound != null) {
            body.put("noSourceFound", noSourceFound);
        }
        return user.api().contentType(ContentType.JSON).body(body).post("/api/claims/" + claim + "/transitions");
    }

    /** Taken and submitted by {@code editor} with "no source found": ready for a reviewer. */
    static int inReview(TestUser editor, String words) {
        int claim = newClaim(editor, words);
        act(editor, claim, "TAKE", null, null, null).then().statusCode(200);
        act(editor, claim, "SUBMIT", "UNVERIFIABLE", "No recording of the meeting exists.", true).then().statusCode(200);
        return claim;
    }
}

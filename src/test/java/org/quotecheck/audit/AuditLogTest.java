package org.quotecheck.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.BrowserSession;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Deleting an article, creating an account and changing roles are audited, and administrators can read it. */
@QuarkusTest
class AuditLogTest {

    @Inject
    TestUsers users;

    @Inject
    AuditLog audit;

    @Test
    void articleDeletionIsAuditedWithWhatWasDeleted() {
        TestUser admin = users.admin();
        String title = "Deleted story " + System.nanoTime();
        int article = admin.api().contentType(ContentType.JSON).body(Map.of("title", title, "body", "The mayor said, “Yes.”"))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        BrowserSession page = admin.signIn();
        page.postForm("/articles/" + article + "/delete", "/articles/" + article + "/delete", Map.of()).then().statusCode(303);
        AuditLog.Entry entry = find("ARTICLE_DELETED", title);
        assertThat(entry.actor()).isEqualTo(admin.username());
        assertThat(entry.articleId()).isEqualTo(article);
        assertThat(entry.details()).contains("\"claims\": 1").contains(title);
        assertThat(page.get("/admin/audit").asString()).contains("Deleted article " + article);
    }

    @Test
    void accountsAndRoleChangesAreAudited() {
        TestUser admin = users.admin();
        String username = "audited-" + System.nanoTime();
        int id = admin.api().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "a-long-password", "roles", List.of("EDITOR")))
                .post("/api/users").then().statusCode(201).extract().path("id");
        admin.api().contentType(ContentType.JSON).body(Map.of("roles", List.of("REVIEWER", "EDITOR")))
                .put("/api/users/" + id + "/roles").then().statusCode(200);
        AuditLog.Entry created = find("USER_CREATED", username);
        assertThat(created.actor()).isEqualTo(admin.username());
        AuditLog.Entry changed = find("ROLES_CHANGED", username);
        assertThat(changed.subject()).isEqualTo(username);
        assertThat(changed.details()).contains("\"from\": [\"EDITOR\"]").contains("\"to\": [\"EDITOR\", \"REVIEWER\"]");
        // Only administrators read the log.
        users.editor().signIn().get("/admin/audit").then().statusCode(403);
    }

    private AuditLog.Entry find(String kind, String text) {
        return audit.latest(500).stream().filter(e -> e.kind().equals(kind) && e.details().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " entry for " + text));
    }
}

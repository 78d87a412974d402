package org.quotecheck.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators see checks, searches, exports and background jobs timed, and the job queue's length, at /q/metrics. */
@QuarkusTest
class MetricsTest {

    @Inject
    TestUsers users;

    @Test
    void checksSearchesExportsAndJobsAreTimed() {
        TestUser admin = users.admin();
        admin.api().contentType(ContentType.JSON).body(Map.of("quote", "The bridge opens in May.",
                "sourceText", "The bridge opens in May.")).post("/api/verify").then().statusCode(200);
        admin.api().contentType(ContentType.JSON).body(Map.of("text", "The bridge opens in May.")).post("/api/search")
                .then().statusCode(200);
        admin.api().queryParam("format", "json").get("/api/reports/verified-claims").then().statusCode(200);
        String metrics = admin.api().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("quotecheck_checks_seconds_count\\{[^}]*kind=\"verify\"")
                .containsPattern("quotecheck_library_searches_seconds_count\\{[^}]*by=\"person\"")
                .contains("quotecheck_exports_seconds_count").containsPattern("quotecheck_jobs_waiting \\d");
    }
}

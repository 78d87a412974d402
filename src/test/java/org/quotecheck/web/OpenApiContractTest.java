package org.quotecheck.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.TestUsers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document integrators generate clients from: only the JSON API, every operation named, secured and with
 * its problem answers, request bodies with examples. Also written to target/openapi.json, which CI lints with Redocly.
 */
@QuarkusTest
class OpenApiContractTest {

    @Inject
    TestUsers users;

    @Test
    void everyOperationIsNamedSecuredAndAnswersProblems() throws Exception {
        String text = users.admin().api().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.json"), text);
        JsonNode document = new ObjectMapper().readTree(text);

        assertThat(document.path("servers")).isNotEmpty();
        assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            assertThat(path.getKey()).startsWith("/api");
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = operations.next();
                String key = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                String id = operation.path("operationId").asText();
                if (!id.equals(OpenApiContract.OPERATION_IDS.get(key))) {
                    problems.add(key + ": operationId " + id + " is not the one named in OpenApiContract");
                }
                if (!ids.add(id)) {
                    problems.add(key + ": operationId " + id + " is used twice");
                }
                if (operation.path("security").size() != 2) {
                    problems.add(key + ": security is not bearer or basic");
                }
                JsonNode responses = operation.path("responses");
                if (!responses.has("401") || !responses.has("403") || !responses.has("503")) {
                    problems.add(key + ": 401, 403 or 503 missing");
                }
                for (Iterator<Map.Entry<String, JsonNode>> answers = responses.fields(); answers.hasNext(); ) {
                    Map.Entry<String, JsonNode> answer = answers.next();
                    if (answer.getKey().startsWith("2") && answer.getValue().has("content")
                            && answer.getValue().path("content").findValue("example") == null) {
                        problems.add(key + ": answer " + answer.getKey() + " has no example");
                    }
                }
                if (operation.has("requestBody") && (!responses.has("422")
                        || operation.at("/requestBody/content").findValue("example") == null)) {
                    problems.add(key + ": a body without 422 or without an example");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(ids).hasSameSizeAs(OpenApiContract.OPERATION_IDS.values());

        // The committed copy that the test client is generated from (pom.xml) is the document served.
        JsonNode committed = new ObjectMapper().readTree(getClass().getResourceAsStream("/openapi/quotecheck-api.json"));
        assertThat(document.equals(committed)).as("src/test/resources/openapi/quotecheck-api.json differs from /q/openapi:"
                + " the API changed. Review the change, then copy target/openapi.json there (pretty-printed)").isTrue();
    }

    @Test
    void theDocumentNeedsASignInOrAToken() {
        RestAssured.given().redirects().follow(false).get("/q/openapi").then().statusCode(302);
        RestAssured.given().header("Authorization", "Bearer qct_00000000_" + "A".repeat(43)).get("/q/openapi")
                .then().statusCode(401);
    }
}

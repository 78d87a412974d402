package org.quotecheck.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests the build generates (quarkus-kubernetes, target/kubernetes/kubernetes.yml) and the copy kept
 * under docker/kubernetes/ with an autoscaler: probes from SmallRye Health, at least two replicas, resources, and every
 * secret taken from a Secret. No cluster is needed.
 */
class KubernetesManifestsIT {

    private static final Map<String, String> SECRET_ENV = Map.of(
            "QUARKUS_DATASOURCE_JDBC_URL", "quotecheck-db",
            "QUARKUS_DATASOURCE_USERNAME", "quotecheck-db",
            "QUARKUS_DATASOURCE_PASSWORD", "quotecheck-db",
            "QUARKUS_FLYWAY_USERNAME", "quotecheck-db",
            "QUARKUS_FLYWAY_PASSWORD", "quotecheck-db",
            "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "quotecheck",
            "QUOTECHECK_BOOTSTRAP_ADMIN_PASSWORD", "quotecheck");

    @Test
    void theGeneratedDeploymentHasProbesReplicasResourcesAndSecretReferences() throws IOException {
        List<JsonNode> generated = read(Path.of("target", "kubernetes", "kubernetes.yml"));
        JsonNode deployment = only(generated, "Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        assertThat(container.at("/readinessProbe/httpGet/port").asInt()).isEqualTo(8080);
        for (String kind : List.of("requests", "limits")) {
            assertThat(container.at("/resources/" + kind + "/cpu").asText()).as(kind + " cpu").isNotBlank();
            assertThat(container.at("/resources/" + kind + "/memory").asText()).as(kind + " memory").isNotBlank();
        }
        for (Map.Entry<String, String> secret : SECRET_ENV.entrySet()) {
            JsonNode variable = env(container, secret.getKey());
            assertThat(variable).as(secret.getKey()).isNotNull();
            assertThat(variable.has("value")).as(secret.getKey() + " written into the manifest").isFalse();
            assertThat(variable.at("/valueFrom/secretKeyRef/name").asText()).as(secret.getKey()).isEqualTo(secret.getValue());
            assertThat(variable.at("/valueFrom/secretKeyRef/key").asText()).as(secret.getKey()).isNotBlank();
        }
        // Pods migrate under Flyway's lock themselves: no init Job, and no image from elsewhere.
        assertThat(generated).noneMatch(resource -> resource.path("kind").asText().equals("Job"));
        assertThat(only(generated, "Service").at("/spec/ports/0/targetPort").asInt()).isEqualTo(8080);
    }

    @Test
    void theKeptCopyMatchesTheBuildAndAddsAnAutoscalerOfAtLeastTwoPods() throws IOException {
        List<JsonNode> generated = read(Path.of("target", "kubernetes", "kubernetes.yml"));
        List<JsonNode> kept = read(Path.of("docker", "kubernetes", "quotecheck.yaml"));
        JsonNode deployment = only(kept, "Deployment");
        assertThat(sortedEnv(deployment.at("/spec/template/spec/containers")))
                .as("docker/kubernetes/quotecheck.yaml is behind the build: run ./mvnw package -DskipTests and copy"
                        + " the Deployment from target/kubernetes/kubernetes.yml")
                .isEqualTo(sortedEnv(only(generated, "Deployment").at("/spec/template/spec/containers")));
        assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(only(kept, "Service").at("/spec")).isEqualTo(only(generated, "Service").at("/spec"));

        JsonNode autoscaler = only(kept, "HorizontalPodAutoscaler");
        assertThat(autoscaler.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
        assertThat(autoscaler.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
        assertThat(autoscaler.at("/spec/scaleTargetRef/name").asText()).isEqualTo(deployment.at("/metadata/name").asText());
        assertThat(autoscaler.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(autoscaler.at("/spec/maxReplicas").asInt()).isGreaterThan(autoscaler.at("/spec/minReplicas").asInt());
        assertThat(only(kept, "PodDisruptionBudget").at("/spec/selector/matchLabels"))
                .isEqualTo(deployment.at("/spec/selector/matchLabels"));
    }

    private static List<JsonNode> read(Path file) throws IOException {
        assertThat(file).as("built by ./mvnw package").exists();
        List<JsonNode> resources = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
            while (documents.hasNext()) {
                JsonNode resource = documents.next();
                if (resource != null && !resource.isNull() && !resource.isEmpty()) {
                    resources.add(resource);
                }
            }
        }
        return resources;
    }

    private static JsonNode only(List<JsonNode> resources, String kind) {
        List<JsonNode> matching = resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
        assertThat(matching).as(kind).hasSize(1);
        return matching.get(0);
    }

    /** The containers with their variables in name order: the build writes them in no fixed order. */
    private static JsonNode sortedEnv(JsonNode containers) {
        com.fasterxml.jackson.databind.node.ArrayNode copy = containers.deepCopy();
        for (JsonNode container : copy) {
            List<JsonNode> variables = new ArrayList<>();
            container.path("env").forEach(variables::add);
            variables.sort(java.util.Comparator.comparing(v -> v.path("name").asText()));
            ((com.fasterxml.jackson.databind.node.ObjectNode) container).putArray("env").addAll(variables);
        }
        return copy;
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        return null;
    }
}

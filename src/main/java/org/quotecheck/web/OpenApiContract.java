package org.quotecheck.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document as integrators get it at {@code /q/openapi}: the JSON API only (not the pages), a stable
 * {@code operationId} for every operation (generated clients get names such as {@code createArticle}), its security
 * (an API token as a bearer, or HTTP Basic), the RFC 7807 problem answers it can give, and examples of request bodies.
 * Registered with {@code mp.openapi.filter}.
 */
public class OpenApiContract implements OASFilter {

    /** Every API operation's name. A new operation must be named here: {@code OpenApiContractTest} fails otherwise. */
    static final Map<String, String> OPERATION_IDS = Map.ofEntries(
            Map.entry("POST /api/articles", "createArticle"),
            Map.entry("GET /api/articles", "listArticles"),
            Map.entry("GET /api/articles/{id}", "getArticle"),
            Map.entry("POST /api/articles/{id}/claims", "markClaim"),
            Map.entry("GET /api/articles/{id}/claims", "listArticleClaims"),
            Map.entry("GET /api/claims/{id}", "getClaim"),
            Map.entry("PUT /api/claims/{id}", "editClaim"),
            Map.entry("POST /api/claims/{id}/comments", "commentOnClaim"),
            Map.entry("POST /api/claims/{id}/evidence", "attachEvidence"),
            Map.entry("GET /api/claims/{id}/evidence", "listEvidence"),
            Map.entry("GET /api/claims/{id}/history", "getClaimHistory"),
            Map.entry("GET /api/claims/{id}/related", "listRelatedClaims"),
            Map.entry("GET /api/claims/{id}/suggestions", "listSourceSuggestions"),
            Map.entry("POST /api/claims/{id}/transitions", "transitionClaim"),
            Map.entry("GET /api/reports/verified-claims", "exportVerifiedClaims"),
            Map.entry("GET /api/review-queue", "getReviewQueue"),
            Map.entry("POST /api/search", "searchLibrary"),
            Map.entry("POST /api/sources", "createSource"),
            Map.entry("GET /api/sources", "listSources"),
            Map.entry("GET /api/sources/{id}", "getSource"),
            Map.entry("POST /api/sources/{id}/versions", "correctSource"),
            Map.entry("POST /api/tokens", "createToken"),
            Map.entry("GET /api/tokens", "listTokens"),
            Map.entry("GET /api/tokens/{id}", "getToken"),
            Map.entry("DELETE /api/tokens/{id}", "revokeToken"),
            Map.entry("POST /api/users", "createUser"),
            Map.entry("GET /api/users", "listUsers"),
            Map.entry("PUT /api/users/{id}/roles", "changeUserRoles"),
            Map.entry("POST /api/verify", "verifyQuote"),
            Map.entry("POST /api/webhooks", "registerWebhook"),
            Map.entry("GET /api/webhooks", "listWebhooks"),
            Map.entry("GET /api/webhooks/{id}", "getWebhook"),
            Map.entry("DELETE /api/webhooks/{id}", "removeWebhook"),
            Map.entry("POST /api/webhooks/{id}/resume", "resumeWebhook"),
            Map.entry("GET /api/webhooks/deliveries", "listWebhookDeliveries"),
            Map.entry("POST /api/webhooks/deliveries/{id}/redeliver", "redeliverWebhook"));

    /** Request body examples, by operation. */
    private static final Map<String, Object> EXAMPLES = Map.ofEntries(
            Map.entry("createArticle", Map.of("title", "Takaichi and Lee meet in Gyeongju", "body",
                    "Takaichi said, “We had a very enjoyable conversation.”", "url", "https://news.example.org/gyeongju",
                    "outlet", "The Daily Example", "publishedAt", "2025-10-30")),
            Map.entry("markClaim", Map.of("start", 16, "end", 52, "type", "DIRECT_QUOTE", "speaker", "Sanae Takaichi")),
            Map.entry("editClaim", Map.of("type", "PARTIAL_QUOTE", "speaker", "Sanae Takaichi", "version", 0)),
            Map.entry("commentOnClaim", Map.of("text", "The transcript has 45 minutes, not 40.")),
            Map.entry("attachEvidence", Map.of("sourceId", 12)),
            Map.entry("transitionClaim", Map.of("action", "SUBMIT", "rating", "ACCURATE",
                    "note", "Word for word in the doorstep transcript.", "version", 3)),
            Map.entry("searchLibrary", Map.of("text", "The meeting lasted 45 minutes.", "claimType", "STATEMENT", "limit", 5)),
            Map.entry("createSource", Map.of("title", "Doorstep remarks, 30 October", "type", "TRANSCRIPT",
                    "url", "https://gov.example.org/remarks", "text", "TAKAICHI: It was initially scheduled for 20 minutes.")),
            Map.entry("correctSource", Map.of("text", "TAKAICHI: It was initially scheduled for 20 minutes, and lasted 45.")),
            Map.entry("createToken", Map.of("name", "CMS production", "roles", List.of("EDITOR"), "expiresAt", "2027-06-30")),
            Map.entry("createUser", Map.of("username", "rsato", "password", "a-long-passphrase-42",
                    "displayName", "Rin Sato", "roles", List.of("REVIEWER"))),
            Map.entry("changeUserRoles", Map.of("roles", List.of("EDITOR", "REVIEWER"))),
            Map.entry("verifyQuote", Map.of("quote", "It ended up lasting 45 minutes.", "sourceId", 12)),
            Map.entry("registerWebhook", Map.of("url", "https://cms.example.org/hooks/quotecheck",
                    "secret", "a-shared-secret-of-at-least-16", "events", List.of("claim.approved", "article.checked"))));

    private static final String PROBLEM = "application/problem+json";

    private record Answer(String name, String status, String description, String example) {
    }

    private static final List<Answer> ANSWERS = List.of(
            new Answer("BadRequest", "400", "The request is malformed: JSON that does not parse, or a value of the wrong type.",
                    "The request body is not valid JSON."),
            new Answer("Unauthorized", "401", "No credentials, or a wrong, expired or revoked token.",
                    "Sign in, or send an API token as Authorization: Bearer."),
            new Answer("Forbidden", "403", "The credentials lack the role this needs.", "Reviewers only."),
            new Answer("NotFound", "404", "No such record.", "There is no claim 81."),
            new Answer("Conflict", "409", "A stale version, a review step not allowed in the current state, or the same"
                    + " Idempotency-Key still running.", "This claim changed since you opened it."),
            new Answer("PayloadTooLarge", "413", "The body is over the size limit.", "The body is larger than 10 MB."),
            new Answer("UnprocessableEntity", "422", "Invalid fields; errors says which.", "Give the article a title."),
            new Answer("ServiceUnavailable", "503", "The database is unavailable for a moment; nothing was written. Retry"
                    + " after Retry-After seconds.", "Quotecheck cannot reach its database right now."));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null) {
            for (String path : List.copyOf(openAPI.getPaths().getPathItems().keySet())) {
                if (!path.equals("/api") && !path.startsWith("/api/")) {
                    openAPI.getPaths().removePathItem(path); // pages are for browsers, not integrations
                }
            }
        }
        openAPI.setServers(List.of(OASFactory.createServer().url("/")
                .description("The Quotecheck instance that serves this document")));
        if (openAPI.getInfo() != null && openAPI.getInfo().getLicense() != null) {
            openAPI.getInfo().getLicense().setIdentifier("LicenseRef-Proprietary");
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme("bearerAuth", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("qct_…")
                .description("An API token created by an administrator (POST /api/tokens): the preferred way."));
        openAPI.getComponents().addSecurityScheme("basicAuth", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A person's username and password: for scripts; tokens are the better choice."));
        openAPI.getComponents().addSchema("Problem", problemSchema());
        for (Answer answer : ANSWERS) {
            openAPI.getComponents().addResponse(answer.name(), OASFactory.createAPIResponse().description(answer.description())
                    .content(OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                            .example(problemExample(answer)))));
        }
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                    describe(method.name() + " " + path, path, method, operation)));
        }
        openAPI.setTags(TAGS.entrySet().stream().map(t -> OASFactory.createTag().name(t.getKey()).description(t.getValue()))
                .toList());
        pruneUnusedSchemas(openAPI);
        if (openAPI.getPaths() != null) {
            Map<String, Schema> schemas = openAPI.getComponents().getSchemas() == null ? Map.of() : openAPI.getComponents().getSchemas();
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation ->
                    exampleAnswers(operation, schemas)));
        }
    }

    /** Each successful answer gets an example built from its schema, unless it has one. */
    private static void exampleAnswers(Operation operation, Map<String, Schema> schemas) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (!status.startsWith("2") || response.getContent() == null || response.getContent().getMediaTypes() == null) {
                return;
            }
            response.getContent().getMediaTypes().values().forEach(media -> {
                if (media.getExample() == null && media.getSchema() != null) {
                    Object example = exampleOf(null, media.getSchema(), schemas, 0);
                    if (example != null) {
                        media.setExample(example);
                    }
                }
            });
        });
    }

    /** A plausible value for a schema, named after its property where that helps ("speaker", "text", "id"). */
    static Object exampleOf(String property, Schema schema, Map<String, Schema> schemas, int depth) {
        if (schema == null || depth > 5) {
            return null;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().replace("#/components/schemas/", "");
            return exampleOf(property, schemas.get(name), schemas, depth + 1);
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (types.contains(Schema.SchemaType.ARRAY)) {
            Object item = exampleOf(property, schema.getItems(), schemas, depth + 1);
            return item == null ? List.of() : List.of(item);
        }
        if (types.contains(Schema.SchemaType.OBJECT) || schema.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, value) -> {
                    Object example = exampleOf(name, value, schemas, depth + 1);
                    if (example != null) {
                        object.put(name, example);
                    }
                });
            }
            return object;
        }
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        String name = property == null ? "" : property;
        if (types.contains(Schema.SchemaType.INTEGER)) {
            return name.equals("status") ? 200 : name.endsWith("Version") || name.equals("version") ? 3
                    : name.equals("start") ? 16 : name.equals("end") ? 52 : name.startsWith("total") ? 1 : 81;
        }
        if (types.contains(Schema.SchemaType.NUMBER)) {
            return name.equals("value") ? 45.0 : 0.92;
        }
        if (types.contains(Schema.SchemaType.BOOLEAN)) {
            return false;
        }
        if (types.contains(Schema.SchemaType.STRING)) {
            if (format.equals("date-time")) {
                return "2026-11-26T10:15:00Z";
            }
            if (format.equals("date")) {
                return "2025-10-30";
            }
            return STRING_EXAMPLES.getOrDefault(name, "text");
        }
        return null;
    }

    private static final Map<String, String> STRING_EXAMPLES = Map.ofEntries(
            Map.entry("title", "Takaichi and Lee meet in Gyeongju"), Map.entry("text", "It ended up lasting 45 minutes."),
            Map.entry("speaker", "Sanae Takaichi"), Map.entry("cue", "told reporters"), Map.entry("rating", "ACCURATE"),
            Map.entry("url", "https://news.example.org/gyeongju"), Map.entry("outlet", "The Daily Example"),
            Map.entry("username", "rsato"), Map.entry("displayName", "Rin Sato"), Map.entry("name", "CMS production"),
            Map.entry("note", "Word for word in the doorstep transcript."), Map.entry("unit", "minutes"),
            Map.entry("body", "Takaichi said, “We had a very enjoyable conversation.”"));

    /** Operations grouped by what they work on; generated clients get one class per group (ArticlesApi, ...). */
    private static final Map<String, String> TAGS = new LinkedHashMap<>();

    static {
        TAGS.put("Articles", "Articles and the claims found in them");
        TAGS.put("Claims", "Claims: evidence, history, related claims and source suggestions");
        TAGS.put("Review", "The review workflow: steps, comments and the approval queue");
        TAGS.put("Sources", "Sources, their corrections, and checking quotes against them");
        TAGS.put("Library", "Finding a claim's source anywhere in the library");
        TAGS.put("Reports", "Verified-claims reports");
        TAGS.put("Tokens", "API tokens (administrators)");
        TAGS.put("Users", "Accounts (administrators)");
        TAGS.put("Webhooks", "Webhook endpoints and deliveries (administrators)");
    }

    static String tagOf(String path, String operationId) {
        String first = path.replaceFirst("^/api/", "").split("/")[0];
        return switch (first) {
            case "articles" -> path.contains("/claims") ? "Claims" : "Articles";
            case "claims" -> path.endsWith("/transitions") || path.endsWith("/comments") || path.endsWith("/history")
                    ? "Review" : "Claims";
            case "review-queue" -> "Review";
            case "sources", "verify" -> "Sources";
            case "search" -> "Library";
            case "reports" -> "Reports";
            case "tokens" -> "Tokens";
            case "users" -> "Users";
            case "webhooks" -> "Webhooks";
            default -> "Articles";
        };
    }

    private static void describe(String key, String path, PathItem.HttpMethod method, Operation operation) {
        String id = OPERATION_IDS.getOrDefault(key, derivedId(method, path));
        operation.setOperationId(id);
        operation.setTags(List.of(tagOf(path, id)));
        operation.setSecurity(List.of(requirement("bearerAuth"), requirement("basicAuth")));
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean writes = method != PathItem.HttpMethod.GET;
        add(responses, "400", "BadRequest", body || operation.getParameters() != null && !operation.getParameters().isEmpty());
        add(responses, "401", "Unauthorized", true);
        add(responses, "403", "Forbidden", true);
        add(responses, "404", "NotFound", path.contains("{"));
        add(responses, "409", "Conflict", writes);
        add(responses, "413", "PayloadTooLarge", body);
        add(responses, "422", "UnprocessableEntity", body);
        add(responses, "503", "ServiceUnavailable", true);
        operation.setResponses(responses);
        Object example = EXAMPLES.get(id);
        if (example != null && body && operation.getRequestBody().getContent() != null) {
            for (MediaType media : operation.getRequestBody().getContent().getMediaTypes().values()) {
                media.setExample(example);
            }
        }
    }

    /**
     * Keeps only the schemas the operations and shared answers reach, directly or through other schemas: the pages'
     * types (Vert.x's RoutingContext, Qute's TemplateInstance and all they refer to) go with the pages.
     */
    private static void pruneUnusedSchemas(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        java.util.Set<String> refs = new java.util.HashSet<>();
        collectRefs(openAPI.getPaths(), refs, new java.util.IdentityHashMap<>());
        collectRefs(openAPI.getComponents().getResponses(), refs, new java.util.IdentityHashMap<>());
        java.util.Set<String> reachable = new java.util.HashSet<>();
        java.util.Deque<String> next = new java.util.ArrayDeque<>(refs);
        while (!next.isEmpty()) {
            String ref = next.poll();
            String name = ref.startsWith("#/components/schemas/") ? ref.substring("#/components/schemas/".length()) : null;
            if (name == null || !reachable.add(name) || !schemas.containsKey(name)) {
                continue;
            }
            java.util.Set<String> inner = new java.util.HashSet<>();
            collectRefs(schemas.get(name), inner, new java.util.IdentityHashMap<>());
            next.addAll(inner);
        }
        for (String name : List.copyOf(schemas.keySet())) {
            if (!reachable.contains(name)) {
                openAPI.getComponents().removeSchema(name);
            }
        }
    }

    /** Every $ref reachable from a model object, found through the getters of its model interfaces. */
    private static void collectRefs(Object node, java.util.Set<String> refs, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectRefs(v, refs, seen));
            return;
        }
        if (node instanceof java.util.Collection<?> list) {
            list.forEach(v -> collectRefs(v, refs, seen));
            return;
        }
        if (!(node instanceof org.eclipse.microprofile.openapi.models.Constructible)) {
            return;
        }
        if (node instanceof org.eclipse.microprofile.openapi.models.Reference<?> reference && reference.getRef() != null) {
            refs.add(reference.getRef());
        }
        for (Class<?> type : modelInterfaces(node.getClass())) {
            for (java.lang.reflect.Method getter : type.getMethods()) {
                String name = getter.getName();
                if (getter.getParameterCount() == 0 && name.startsWith("get") && !java.lang.reflect.Modifier.isStatic(getter.getModifiers())
                        && !List.of("getExtensions", "getExample", "getExamples", "getDefaultValue", "getEnumeration",
                        "getConst", "getRef").contains(name)) {
                    try {
                        collectRefs(getter.invoke(node), refs, seen);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // a getter that cannot be read holds no reference we could follow
                    }
                }
            }
        }
    }

    /** The MicroProfile OpenAPI interfaces a model class implements (public, so their getters can be called). */
    private static java.util.Set<Class<?>> modelInterfaces(Class<?> type) {
        java.util.Set<Class<?>> found = new java.util.LinkedHashSet<>();
        java.util.Deque<Class<?>> todo = new java.util.ArrayDeque<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            todo.addAll(List.of(c.getInterfaces()));
        }
        while (!todo.isEmpty()) {
            Class<?> i = todo.poll();
            if (i.getName().startsWith("org.eclipse.microprofile.openapi.models") && found.add(i)) {
                todo.addAll(List.of(i.getInterfaces()));
            }
        }
        return found;
    }

    private static void add(APIResponses responses, String status, String name, boolean applies) {
        if (applies) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref("#/components/responses/" + name));
        }
    }

    private static SecurityRequirement requirement(String scheme) {
        return OASFactory.createSecurityRequirement().addScheme(scheme);
    }

    /** For an operation not in {@link #OPERATION_IDS}: "get" + its path words, so the document stays valid. */
    static String derivedId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(java.util.Locale.ROOT));
        for (String part : path.split("[/{}-]+")) {
            if (!part.isBlank() && !part.equals("api")) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    private static Schema problemSchema() {
        Schema error = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 7807 problem: what went wrong, for people and programs.")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(error))
                .required(List.of("title", "status"));
    }

    private static Map<String, Object> problemExample(Answer answer) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", answer.name().replaceAll("([a-z])([A-Z])", "$1 $2"));
        example.put("status", Integer.parseInt(answer.status()));
        example.put("detail", answer.example());
        if (answer.status().equals("422")) {
            example.put("errors", List.of(Map.of("field", "title", "message", "Give the article a title.")));
        }
        return example;
    }
}

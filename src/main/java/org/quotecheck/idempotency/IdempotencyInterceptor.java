package org.quotecheck.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;
import org.quotecheck.security.SecretKeys;
import org.quotecheck.web.FieldError;
import org.quotecheck.web.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers a retried request from its kept answer. Without an {@code Idempotency-Key} header the method just runs.
 * With one, the method runs in a transaction that also claims the key and keeps the answer; a retry with the same key
 * and the same request (method, path and body, compared after parsing, so spacing does not matter) gets the first
 * answer with {@code Idempotent-Replayed: true}; the same key with another request is refused with 422. Only successful
 * answers are kept: a refused or failed request rolls back with its key, and may be sent again as it is.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    @Inject
    IdempotencyKeys keys;

    @Inject
    HttpServerRequest request;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @Inject
    SecretKeys secrets;

    @AroundInvoke
    Object answerOnce(InvocationContext invocation) throws Exception {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return invocation.proceed();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw new ProblemException(400, "Invalid Idempotency-Key", "An Idempotency-Key is 1 to 255 visible ASCII"
                    + " characters without spaces, such as a UUID.", List.of(new FieldError(HEADER, "1 to 255 visible ASCII characters.")));
        }
        String owner = identity.getPrincipal().getName();
        String fingerprint = fingerprint(invocation);
        return QuarkusTransaction.joiningExisting().call(() -> {
            Optional<IdempotencyKeys.Answer> kept = keys.claim(owner, key, fingerprint);
            if (kept.isPresent()) {
                if (!kept.get().fingerprint().equals(fingerprint)) {
                    throw new ProblemException(422, "Idempotency-Key reused", "This Idempotency-Key was already used"
                            + " with a different request in the last 24 hours. Use a new key for a new request.",
                            List.of(new FieldError(HEADER, "Already used for a different request.")));
                }
                throw new ReplayedAnswer(kept.get());
            }
            Object result = invocation.proceed();
            keep(owner, key, result);
            return result;
        });
    }

    private void keep(String owner, String key, Object result) throws JsonProcessingException {
        if (result instanceof Response response) {
            Object entity = response.hasEntity() ? response.getEntity() : null;
            if (entity instanceof KeptForReplay secret) {
                entity = secret.forReplay();
            }
            keys.keep(owner, key, response.getStatus(), response.getLocation() == null ? null : pathOf(response.getLocation()),
                    entity == null ? null : json.writeValueAsString(entity));
        } else {
            keys.keep(owner, key, result == null ? 204 : 200, null, result == null ? null : json.writeValueAsString(result));
        }
    }

    /**
     * A Location is kept as its path: built from the first request's Host header, it would send a replay (which may
     * arrive through another host name, or from another client) to wherever that header pointed.
     */
    static String pathOf(java.net.URI location) {
        if (!location.isAbsolute()) {
            return location.toString();
        }
        String path = location.getRawPath() == null || location.getRawPath().isEmpty() ? "/" : location.getRawPath();
        return path + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    /** What makes two requests the same: method, path and the parsed body (the method's non-context arguments). */
    private String fingerprint(InvocationContext invocation) throws JsonProcessingException {
        List<Object> arguments = new ArrayList<>();
        for (Object argument : invocation.getParameters()) {
            if (argument == null || !isContext(argument)) {
                arguments.add(argument);
            }
        }
        return secrets.fingerprint(request.method().name() + " " + request.path() + "\n" + json.writeValueAsString(arguments));
    }

    private static boolean isContext(Object argument) {
        String type = argument.getClass().getName();
        return argument instanceof jakarta.ws.rs.core.UriInfo || argument instanceof jakarta.ws.rs.core.HttpHeaders
                || argument instanceof jakarta.ws.rs.core.SecurityContext || argument instanceof jakarta.ws.rs.core.Request
                || type.startsWith("io.vertx.") || type.startsWith("org.jboss.resteasy.reactive.server.");
    }
}

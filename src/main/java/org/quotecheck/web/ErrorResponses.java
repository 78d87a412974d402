package org.quotecheck.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.quotecheck.verification.QuoteTooLongException;

import java.util.List;
import java.util.UUID;

/**
 * Turns every failure into an answer the caller can use: RFC 7807 problem JSON for the API (and for clients that
 * ask for JSON), an error page in the site layout for browsers. Unexpected failures are logged with an id that the
 * page shows, and never reveal internals.
 */
public class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class);

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail, List<FieldError> errors, String requestId);

        /** For a rejected form post, where no CSRF token exists to render the sign-out form with. */
        static native TemplateInstance expired();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(e.status(), e.title(), e.detail(), e.errors(), uri, headers);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() instanceof IllegalArgumentException && isBadQueryParameter(e.getCause(), uri)) {
            // JAX-RS answers 404 when a query parameter cannot be converted ("?page=abc"); that is a bad request.
            // (A path segment that is not a number stays 404: there is nothing at that address.)
            return respond(400, "Bad request", "A parameter of this address has the wrong form; check the numbers in it.",
                    List.of(), uri, headers);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406, 415 -> "This address does not accept that content type.";
            case 400 -> e.getMessage() == null || e.getMessage().startsWith("HTTP 400")
                    ? "The request could not be read: check that the body is valid JSON of the documented shape."
                    : e.getMessage();
            default -> e.getMessage();
        };
        return respond(status, title, detail, List.of(), uri, headers);
    }

    private static boolean isBadQueryParameter(Throwable conversion, UriInfo uri) {
        String message = conversion.getMessage() == null ? "" : conversion.getMessage();
        return uri.getQueryParameters().values().stream().flatMap(List::stream)
                .anyMatch(value -> !value.isEmpty() && message.contains("\"" + value + "\""));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(403, "Forbidden", "Your account does not have the role needed for this.", List.of(), uri, headers);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return respond(422, "Invalid input", "Some fields need attention.", errors, uri, headers);
    }

    @ServerExceptionMapper({JsonParseException.class})
    public Response malformedJson(JsonParseException e, UriInfo uri, HttpHeaders headers) {
        return respond(400, "Malformed JSON", "The request body is not valid JSON: " + e.getOriginalMessage(), List.of(), uri, headers);
    }

    @ServerExceptionMapper({MismatchedInputException.class, InvalidFormatException.class})
    public Response wrongType(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        String field = e.getPath().isEmpty() ? "body" : e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("body");
        String message = "Expected " + describe(e.getTargetType()) + ".";
        return respond(400, "Wrong type", "Field '" + field + "' has the wrong type. " + message,
                List.of(new FieldError(field, message)), uri, headers);
    }

    /** A form body that ends early or is not the multipart it claims to be: the client's fault, not ours. */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e, UriInfo uri, HttpHeaders headers) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (message.contains("multipart") || message.contains("form") || message.contains("boundary")) {
            return respond(400, "Bad request", "The form data could not be read (it was cut off or malformed)."
                    + " Nothing was saved; please send the form again.", List.of(), uri, headers);
        }
        return unexpected(e, uri, headers);
    }

    /** A form body with broken percent-escapes ("%ZZ"), which the form reader cannot decode. */
    @ServerExceptionMapper
    public Response undecodable(IllegalArgumentException e, UriInfo uri, HttpHeaders headers) {
        if (e.getMessage() != null && e.getMessage().startsWith("Failed to decode")) {
            return respond(400, "Bad request", "The form data could not be read (a broken %-escape)."
                    + " Nothing was saved; please send the form again.", List.of(), uri, headers);
        }
        return unexpected(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response quoteTooLong(QuoteTooLongException e, UriInfo uri, HttpHeaders headers) {
        return respond(422, "Claim too long to check", e.getMessage() + " Mark a shorter claim and check that.",
                List.of(new FieldError("quote", e.getMessage())), uri, headers);
    }

    /**
     * A value the database cannot take (a NUL character in text, a number out of range): the input's fault. The
     * transaction has rolled back, so nothing was saved.
     */
    @ServerExceptionMapper
    public Response unstorable(org.hibernate.exception.DataException e, UriInfo uri, HttpHeaders headers) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String detail = state.equals("22021") || state.equals("22P05")
                ? "The text contains a character that cannot be stored (a NUL byte, U+0000). Remove it and try again."
                : "A value is out of the range that can be stored. Check the numbers and lengths, then try again.";
        return respond(422, "Invalid input", detail + " Nothing was saved.", List.of(), uri, headers);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response staleVersion(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return respond(409, "Conflict", "Someone else changed this record at the same time. Reload it and try again.",
                List.of(), uri, headers);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        if (DatabaseOutage.isOutage(e)) {
            LOG.warnf("Database unavailable on %s: %s", uri.getPath(), e.getMessage());
            String path = "/" + uri.getPath().replaceFirst("^/", "");
            OutagePage.Typed typed = wantsJson(path, headers) ? OutagePage.Typed.NOTHING : formOfThisRequest(headers);
            Response answer = typed == OutagePage.Typed.NOTHING
                    ? respond(503, DatabaseOutage.TITLE, DatabaseOutage.DETAIL, List.of(), uri, headers)
                    : Response.status(503).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                            .entity(OutagePage.html(path, headers.getHeaderString(RequestIds.HEADER), typed)).build();
            return Response.fromResponse(answer).header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
                    .header("Cache-Control", "no-store").build();
        }
        if (tooManyFormFields(e)) {
            // RESTEasy Reactive's form reader stops at 1,000 fields with a bare RuntimeException: the sender's fault.
            return respond(413, "Payload too large", "The form has more than 1,000 fields; no form here has more than a"
                    + " few dozen. Nothing was saved.", List.of(), uri, headers);
        }
        String given = headers.getHeaderString(RequestIds.HEADER);
        String id = given != null ? given : UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error %s on %s", id, uri.getPath());
        return respond(500, "Internal error", "Something went wrong on our side (error " + id
                + "). Nothing was saved by the failed request; please try again.", List.of(), uri, headers);
    }

    /** The form reader's refusal of a form with too many fields (its message, as RESTEasy Reactive 3.33 words it). */
    static boolean tooManyFormFields(Throwable e) {
        return e.getClass() == RuntimeException.class && e.getMessage() != null && e.getMessage().startsWith("Param limit of ")
                && e.getStackTrace().length > 0 && e.getStackTrace()[0].getClassName().endsWith(".multipart.FormData");
    }

    /**
     * The form a request sent, when the database went away after the request began (the form was read by then): given
     * back on the outage page, as when it fails earlier (security.FailureAnswers).
     */
    private static OutagePage.Typed formOfThisRequest(HttpHeaders headers) {
        var request = org.jboss.resteasy.reactive.server.core.CurrentRequestManager.get();
        var form = request == null || !"POST".equals(request.getMethod()) ? null : request.getFormData();
        if (form == null) {
            return OutagePage.Typed.NOTHING;
        }
        boolean multipart = headers.getMediaType() != null && "multipart".equalsIgnoreCase(headers.getMediaType().getType());
        OutagePage.Typed typed = OutagePage.of(form, name -> form.get(name).stream()
                .map(value -> value.getFileName() != null ? new OutagePage.Value(null, value.getFileName())
                        : new OutagePage.Value(value.getValue(), null)).toList(), multipart);
        return typed.fields().isEmpty() && typed.files().isEmpty() ? OutagePage.Typed.NOTHING : typed;
    }

    static Response respond(int status, String title, String detail, List<FieldError> errors, UriInfo uri, HttpHeaders headers) {
        String path = "/" + uri.getPath().replaceFirst("^/", "");
        if (wantsJson(path, headers)) {
            return Response.status(status).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(status, title, detail, path, errors, headers.getHeaderString(RequestIds.HEADER))).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, detail, errors, headers.getHeaderString(RequestIds.HEADER))).build();
    }

    private static boolean wantsJson(String path, HttpHeaders headers) {
        if (path.startsWith("/api/") || path.equals("/api")) {
            return true;
        }
        return headers.getAcceptableMediaTypes().stream().findFirst()
                .map(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType())
                .orElse(false);
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}

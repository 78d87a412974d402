package org.quotecheck.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** RFC 7807 problem details, as the API answers every error. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail, String instance, List<FieldError> errors) {
        return of(status, title, detail, instance, errors, null);
    }

    /** With the request's id ({@code X-Request-Id}), which the logs carry too. */
    public static Problem of(int status, String title, String detail, String instance, List<FieldError> errors, String requestId) {
        return new Problem("about:blank", title, status, detail, instance, errors, requestId);
    }
}

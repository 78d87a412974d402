package org.quotecheck.web;

import java.util.List;

/** The field messages a form re-renders with; empty on first display. */
public record FormErrors(String summary, List<FieldError> all) {

    public static final FormErrors NONE = new FormErrors(null, List.of());

    public static FormErrors of(ProblemException problem) {
        return new FormErrors(problem.detail(), problem.errors());
    }

    public boolean isEmpty() {
        return summary == null && all.isEmpty();
    }

    public boolean has(String field) {
        return get(field) != null;
    }

    public String get(String field) {
        return all.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElse(null);
    }
}

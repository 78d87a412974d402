package org.quotecheck.web;

import java.util.List;

/** Input that fails validation: 422 with a message per field. */
public class InvalidInputException extends ProblemException {

    public InvalidInputException(List<FieldError> errors) {
        super(422, "Invalid input", "Some fields need attention: "
                + String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }
}

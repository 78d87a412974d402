package org.quotecheck.web;

import java.util.List;

/** Input over a size limit: 413, with the field and the limit named. */
public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(String field, String message) {
        super(413, "Payload too large", message, List.of(new FieldError(field, message)));
    }
}

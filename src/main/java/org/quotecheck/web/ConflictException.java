package org.quotecheck.web;

import java.util.List;

/** A change that conflicts with the current state, such as a stale version: 409. */
public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        super(409, "Conflict", detail, List.of());
    }
}

package org.quotecheck.web;

import java.util.List;

/** A record that does not exist (or no longer exists): 404. */
public class NotFoundProblem extends ProblemException {

    public NotFoundProblem(String detail) {
        super(404, "Not found", detail, List.of());
    }
}

package org.quotecheck.web;

/** A message about one input field, shown next to it in a form and listed in problem JSON. */
public record FieldError(String field, String message) {
}

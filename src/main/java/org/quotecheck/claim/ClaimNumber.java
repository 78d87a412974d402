package org.quotecheck.claim;

/** A number in a claim as the API shows it: {@code {text, value, unit}}. */
public record ClaimNumber(String text, double value, String unit) {
}

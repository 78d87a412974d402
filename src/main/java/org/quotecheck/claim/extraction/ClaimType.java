package org.quotecheck.claim.extraction;

/** What kind of claim a span of an article is. */
public enum ClaimType {
    /** Text inside quotation marks that someone said, as a sentence or more. */
    DIRECT_QUOTE,
    /** A short quoted fragment inside a sentence ("warm"), or a scare quote. */
    PARTIAL_QUOTE,
    /** Reported speech: "she told reporters that ...". */
    INDIRECT_QUOTE,
    /** A check-worthy factual sentence or clause: numbers, dates, rankings, firsts. */
    STATEMENT;

    public boolean isQuote() {
        return this != STATEMENT;
    }

    /** Words in quotation marks (a direct or partial quote): checked word for word. */
    public boolean isVerbatim() {
        return this == DIRECT_QUOTE || this == PARTIAL_QUOTE;
    }

    /** The type of this name (any case, spaces around ignored), or empty. */
    public static java.util.Optional<ClaimType> parse(String name) {
        if (name == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}

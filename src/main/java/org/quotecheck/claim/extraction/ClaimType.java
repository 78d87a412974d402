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
}

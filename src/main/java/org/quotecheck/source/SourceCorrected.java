package org.quotecheck.source;

/** Fired inside the transaction that stored a corrected version of a source. */
public record SourceCorrected(SourceView source, int previousVersion, String actor) {
}

package org.quotecheck.claim.extraction;

/** A half-open range of character offsets into the body. */
record Span(int start, int end) {

    boolean contains(int position) {
        return position >= start && position < end;
    }

    int length() {
        return end - start;
    }
}

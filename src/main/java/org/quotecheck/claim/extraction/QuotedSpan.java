package org.quotecheck.claim.extraction;

/**
 * A quotation found in the body: the text between the marks ({@code start}..{@code end}, whitespace trimmed) and the
 * positions of the opening and closing marks. A quote running over several paragraphs has one opening mark per
 * paragraph and one closing mark at the end; {@code openMark} is the first.
 */
record QuotedSpan(int openMark, int closeMark, int start, int end, boolean nestedInDouble) {
}

package org.quotecheck.verification.meaning;

/**
 * A passage of a source: one sentence, or a short window of neighbouring sentences; offsets into the source text,
 * end exclusive. {@code vector} is its unit-length embedding, or null where none was computed.
 */
public record SourcePassage(int start, int end, String text, boolean window, float[] vector) {
}

package org.quotecheck.article;

import java.util.ArrayList;
import java.util.List;

/**
 * A long article cut into parts that a page can show quickly: at paragraph breaks, each part at most
 * {@code maxChars} characters and {@code maxClaims} claims (a paragraph longer than that is cut at a space). Claims
 * belong to the part where they start. Pure Java; linear in the body.
 */
public final class ArticleParts {

    /** Characters of text per part. */
    public static final int MAX_CHARS = 30_000;
    /** Claims listed per part. */
    public static final int MAX_CLAIMS = 60;

    /** One part: body offsets {@code start} (inclusive) to {@code end} (exclusive); {@code number} counts from 1. */
    public record Part(int number, int start, int end) {
        public boolean holds(int offset) {
            return offset >= start && offset < end;
        }
    }

    private ArticleParts() {
    }

    /** The parts of {@code body}; {@code claimStarts} sorted ascending. One part for an empty or short body. */
    public static List<Part> of(String body, int[] claimStarts, int maxChars, int maxClaims) {
        List<Part> parts = new ArrayList<>();
        int n = body.length();
        int start = 0;
        int claimIndex = 0;
        while (start < n) {
            int limit = Math.min(n, start + maxChars);
            // Claims that start in [start, limit): stop before the one past maxClaims.
            int first = claimIndex;
            while (claimIndex < claimStarts.length && claimStarts[claimIndex] < start) {
                claimIndex++;
                first = claimIndex;
            }
            int counted = first + maxClaims;
            if (counted < claimStarts.length && claimStarts[counted] < limit) {
                limit = Math.max(start + 1, claimStarts[counted]);
            }
            int end = limit >= n ? n : cut(body, start, limit);
            parts.add(new Part(parts.size() + 1, start, end));
            start = end;
            while (claimIndex < claimStarts.length && claimStarts[claimIndex] < start) {
                claimIndex++;
            }
        }
        if (parts.isEmpty()) {
            parts.add(new Part(1, 0, n));
        }
        return parts;
    }

    /** Where to end a part that may not go past {@code limit}: after the last line break, else at a space. */
    private static int cut(String body, int start, int limit) {
        int newline = body.lastIndexOf('\n', limit - 1);
        if (newline >= start + 1) {
            return newline + 1;
        }
        for (int i = limit - 1; i > start; i--) {
            if (Character.isWhitespace(body.charAt(i))) {
                return i + 1;
            }
        }
        return Character.isLowSurrogate(body.charAt(limit)) ? limit - 1 : limit;
    }
}

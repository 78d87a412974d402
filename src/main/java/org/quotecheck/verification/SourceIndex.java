package org.quotecheck.verification;

import java.util.Arrays;

/**
 * A source text indexed once for quote look-ups: its words (see {@link Tokens}) and two sorted arrays of
 * (hash, position) pairs packed into longs, one for word trigrams and one for single words. Looking up a trigram
 * is a binary search. Memory: about 36 bytes per word, roughly 6 MB per MB of English text.
 */
public final class SourceIndex {

    private static final int POSITION_BITS = 24;
    private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;
    /** Sources are limited to 10 MB (under 2 million words); 24 bits of position leave room to spare. */
    public static final int MAX_WORDS = 1 << POSITION_BITS;

    final Tokens tokens;
    private final long[] trigrams;
    private final long[] words;

    private SourceIndex(Tokens tokens, long[] trigrams, long[] words) {
        this.tokens = tokens;
        this.trigrams = trigrams;
        this.words = words;
    }

    public static SourceIndex build(String text) {
        Tokens tokens = Tokens.of(text);
        int n = Math.min(tokens.size, MAX_WORDS);
        long[] words = new long[n];
        long[] trigrams = new long[Math.max(0, n - 2)];
        for (int i = 0; i < n; i++) {
            words[i] = pack(tokens.hash[i], i);
            if (i + 2 < n) {
                trigrams[i] = pack(trigram(tokens.hash[i], tokens.hash[i + 1], tokens.hash[i + 2]), i);
            }
        }
        Arrays.sort(words);
        Arrays.sort(trigrams);
        return new SourceIndex(tokens, trigrams, words);
    }

    public String text() {
        return tokens.text;
    }

    public Tokens tokens() {
        return tokens;
    }

    /** Approximate heap held by this index, for the cache and the benchmark report. */
    public long memoryBytes() {
        return (long) tokens.hash.length * 16 + (long) trigrams.length * 8 + (long) words.length * 8 + tokens.text.length() * 2L;
    }

    static long trigram(long a, long b, long c) {
        long h = a * 0x9E3779B97F4A7C15L;
        h = (h ^ (h >>> 29)) + b;
        h *= 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 31)) + c;
        h *= 0x94D049BB133111EBL;
        return h ^ (h >>> 32);
    }

    private static long pack(long hash, int position) {
        return (hash & ~POSITION_MASK) | position;
    }

    /** Positions where the trigram starts, at most {@code limit} of them. */
    int[] trigramPositions(long a, long b, long c, int limit) {
        return positions(trigrams, trigram(a, b, c), limit);
    }

    public int[] wordPositions(long hash, int limit) {
        return positions(words, hash, limit);
    }

    private static int[] positions(long[] sorted, long hash, int limit) {
        long key = hash & ~POSITION_MASK;
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if ((sorted[mid] & ~POSITION_MASK) < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        int count = 0;
        while (low + count < sorted.length && (sorted[low + count] & ~POSITION_MASK) == key && count < limit) {
            count++;
        }
        int[] found = new int[count];
        for (int i = 0; i < count; i++) {
            found[i] = (int) (sorted[low + i] & POSITION_MASK);
        }
        return found;
    }
}

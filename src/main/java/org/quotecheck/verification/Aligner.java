package org.quotecheck.verification;

import java.util.ArrayList;
import java.util.List;

/** Word-level alignment of a quote against a window of the source, banded so that it is linear in memory. */
final class Aligner {

    /** Operation codes of an alignment step: {type, quoteIndex, sourceIndex}. */
    static final int MATCHED = 0;
    static final int REPLACED = 1;
    static final int QUOTE_ONLY = 2;
    static final int SOURCE_ONLY = 3;
    /** A step between words that mean the same but are written differently (contractions). */
    static final int EQUIVALENT = 4;
    /** How far, in words, an alignment may stray from its candidate diagonal. */
    static final int MAX_DRIFT = 64;
    private static final int MATCH = 2;
    private static final int MISMATCH = -1;
    private static final int GAP = -1;

    /** The best alignment in one window: its score, and its steps in order. */
    record Alignment(int score, int windowStart, List<int[]> ops) {
    }

    private Aligner() {
    }

    /**
     * Semi-global word alignment: every quote word is accounted for; source words outside the passage are free. The
     * alignment is banded: row {@code i} (quote word {@code i}) only considers source words within {@code drift} of
     * the candidate diagonal, so memory and time are {@code O(n × drift)}, never {@code O(n²)}, whatever the input.
     * With {@code drift = min(n/2 + 3, MAX_DRIFT)} a quote of up to about 120 words sees exactly the window an
     * unbanded alignment would; longer ones may drift by at most {@link #MAX_DRIFT} words from the diagonal, far more
     * than any quote that still matches its source.
     */
    static Alignment align(Tokens q, Tokens s, int diagonal) {
        int n = q.size;
        int drift = Math.min(n / 2 + 3, MAX_DRIFT);
        int windowStart = Math.max(0, diagonal - drift);
        int windowEnd = Math.min(s.size, diagonal + n + drift);
        int w = Math.max(0, windowEnd - windowStart);
        int centre = diagonal - windowStart; // column of quote word 0 on the diagonal (1-based columns)
        Band band = new Band(n, w, centre, drift);
        for (int j = band.lo[0]; j <= band.hi[0]; j++) {
            band.set(0, j, 0);
        }
        for (int i = 1; i <= n; i++) {
            long qh = q.hash[i - 1];
            for (int j = band.lo[i]; j <= band.hi[i]; j++) {
                int best = band.get(i - 1, j) + GAP;
                if (j > 0) {
                    best = Math.max(best, band.get(i - 1, j - 1) + (qh == s.hash[windowStart + j - 1] ? MATCH : MISMATCH));
                    best = Math.max(best, band.get(i, j - 1) + GAP);
                }
                band.set(i, j, best);
            }
        }
        // On a tie, end later: "in Africa" against "in Asia" is a replaced word, not an added one.
        int bestJ = band.lo[n];
        for (int j = band.lo[n] + 1; j <= band.hi[n]; j++) {
            int here = band.get(n, j);
            if (here > band.get(n, bestJ) || here == band.get(n, bestJ) && j == bestJ + 1
                    && band.get(n - 1, j - 1) + MISMATCH == here) {
                bestJ = j;
            }
        }
        List<int[]> ops = new ArrayList<>();
        int i = n;
        int j = bestJ;
        while (i > 0) {
            boolean same = j > 0 && q.hash[i - 1] == s.hash[windowStart + j - 1];
            if (j > 0 && band.get(i, j) == band.get(i - 1, j - 1) + (same ? MATCH : MISMATCH)) {
                ops.add(new int[] {same ? 0 : 1, i - 1, windowStart + j - 1});
                i--;
                j--;
            } else if (band.get(i, j) == band.get(i - 1, j) + GAP) {
                ops.add(new int[] {2, i - 1, -1});
                i--;
            } else {
                ops.add(new int[] {3, -1, windowStart + j - 1});
                j--;
            }
        }
        java.util.Collections.reverse(ops);
        // Source-only words before the first aligned quote word are outside the passage.
        while (!ops.isEmpty() && ops.get(0)[0] == 3) {
            ops.remove(0);
        }
        return new Alignment(band.get(n, bestJ), windowStart, ops);
    }

    /**
     * The cells of a banded alignment: row {@code i} keeps columns {@code lo[i]..hi[i]} (at most
     * {@code 2 × drift + 1} of them); every other cell is unreachable. Rows are clamped to the window, so no row is
     * empty: a quote running past either end of the source aligns its extra words as gaps.
     */
    private static final class Band {
        private static final int UNREACHABLE = Integer.MIN_VALUE / 4;
        final int[] lo;
        final int[] hi;
        private final int[][] cells;

        Band(int n, int w, int centre, int drift) {
            lo = new int[n + 1];
            hi = new int[n + 1];
            cells = new int[n + 1][];
            for (int i = 0; i <= n; i++) {
                lo[i] = Math.max(0, Math.min(centre + i - drift, w));
                hi[i] = Math.max(lo[i], Math.min(w, centre + i + drift));
                cells[i] = new int[hi[i] - lo[i] + 1];
            }
        }

        int get(int i, int j) {
            return j < lo[i] || j > hi[i] ? UNREACHABLE : cells[i][j - lo[i]];
        }

        void set(int i, int j, int value) {
            cells[i][j - lo[i]] = value;
        }
    }
    static int longestMatchedRun(List<int[]> ops) {
        int longest = 0;
        int run = 0;
        for (int[] op : ops) {
            run = op[0] == 0 || op[0] == EQUIVALENT ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}

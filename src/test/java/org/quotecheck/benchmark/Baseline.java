package org.quotecheck.benchmark;

import org.quotecheck.verification.Tokens;

/** The plain approach the index is measured against: semi-global alignment over every word of the source. */
final class Baseline {

    private Baseline() {
    }

    static int bestAlignmentScore(Tokens quote, Tokens source) {
        int n = quote.size();
        int[] previous = new int[n + 1];
        int[] current = new int[n + 1];
        int best = Integer.MIN_VALUE;
        for (int i = 0; i <= n; i++) {
            previous[i] = -i;
        }
        for (int j = 1; j <= source.size(); j++) {
            current[0] = 0;
            long sourceWord = source.hash(j - 1);
            for (int i = 1; i <= n; i++) {
                int diagonal = previous[i - 1] + (quote.hash(i - 1) == sourceWord ? 2 : -1);
                current[i] = Math.max(diagonal, Math.max(previous[i] - 1, current[i - 1] - 1));
            }
            best = Math.max(best, current[n]);
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return best;
    }
}

package org.quotecheck.verification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where in a source a quote may be: every quote trigram votes for the source position where the quote would start
 * (single content words for short quotes); the best-supported, well-separated starts are kept.
 */
final class CandidateSearch {

    private static final int MAX_HITS_PER_GRAM = 256;
    private static final int CANDIDATES = 6;

    private CandidateSearch() {
    }

    /** Start positions in the source where the quote may begin, best supported first. */
    static List<Integer> diagonals(Tokens q, SourceIndex source) {
        Map<Integer, Integer> votes = new HashMap<>();
        if (q.size >= 3) {
            for (int i = 0; i + 2 < q.size; i++) {
                for (int position : source.trigramPositions(q.hash[i], q.hash[i + 1], q.hash[i + 2], MAX_HITS_PER_GRAM)) {
                    votes.merge(position - i, 1, Integer::sum);
                }
            }
        }
        if (votes.isEmpty()) {
            for (int i = 0; i < q.size; i++) {
                if (q.size > 2 && WordLists.STOPWORDS.contains(q.normal(i))) {
                    continue;
                }
                for (int position : source.wordPositions(q.hash[i], MAX_HITS_PER_GRAM)) {
                    votes.merge(position - i, 1, Integer::sum);
                }
            }
        }
        List<Map.Entry<Integer, Integer>> ranked = new ArrayList<>(votes.entrySet());
        ranked.sort(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<Integer> chosen = new ArrayList<>();
        int spread = Math.max(2, q.size / 3);
        for (Map.Entry<Integer, Integer> entry : ranked) {
            if (chosen.stream().noneMatch(c -> Math.abs(c - entry.getKey()) <= spread)) {
                chosen.add(entry.getKey());
                if (chosen.size() == CANDIDATES) {
                    break;
                }
            }
        }
        return chosen;
    }
}

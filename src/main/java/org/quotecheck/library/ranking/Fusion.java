package org.quotecheck.library.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): each ranking gives an item {@code 1 / (K + rank)};
 * items are ordered by the sum. Scores of different kinds (full-text rank, cosine) need no calibration against each
 * other, and an item both rankings find rises above those only one finds.
 */
public final class Fusion {

    static final int K = 60;

    private Fusion() {
    }

    /** Items of all rankings, best first, with their fused scores; ties keep the order of first appearance. */
    public static <T> Map<T, Double> reciprocalRank(List<List<T>> rankings) {
        Map<T, Double> scores = new HashMap<>();
        Map<T, Integer> firstSeen = new HashMap<>();
        int order = 0;
        for (List<T> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                T item = ranking.get(rank);
                scores.merge(item, 1.0 / (K + rank + 1), Double::sum);
                firstSeen.putIfAbsent(item, order++);
            }
        }
        List<T> items = new ArrayList<>(scores.keySet());
        items.sort((a, b) -> {
            int byScore = Double.compare(scores.get(b), scores.get(a));
            return byScore != 0 ? byScore : Integer.compare(firstSeen.get(a), firstSeen.get(b));
        });
        Map<T, Double> fused = new LinkedHashMap<>();
        for (T item : items) {
            fused.put(item, scores.get(item));
        }
        return fused;
    }
}

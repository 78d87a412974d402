package org.quotecheck.library.vectors;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The in-memory vector index: its answers against every vector's exact cosine, groups added and removed whole. */
class VectorIndexTest {

    private static final int DIMENSIONS = 384;

    /** Unit vectors in clusters around a few topics, as sentence embeddings of a library are. */
    private static float[] near(float[] centre, double spread, Random random) {
        float[] v = new float[centre.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (centre[i] + spread * random.nextGaussian());
        }
        return unit(v);
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static float[] random(Random random) {
        float[] v = new float[DIMENSIONS];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return unit(v);
    }

    private static float cosine(float[] a, float[] b) {
        float dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    @Test
    void quantisedVectorsKeepTheirCosine() {
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            float[] a = random(random);
            float[] b = near(a, 0.05, random);
            float[] qa = QuantizedVector.decode(QuantizedVector.encode(a));
            float[] qb = QuantizedVector.decode(QuantizedVector.encode(b));
            assertThat(cosine(qa, qb)).isCloseTo(cosine(a, b), within(0.01f));
        }
        assertThat(QuantizedVector.decode(QuantizedVector.encode(new float[4]))).containsOnly(0f);
    }

    @Test
    void findsTheSameNeighboursAsAnExhaustiveSearch() {
        Random random = new Random(42);
        List<float[]> topics = new ArrayList<>();
        for (int t = 0; t < 50; t++) {
            topics.add(random(random));
        }
        VectorIndex index = new VectorIndex(DIMENSIONS);
        List<float[]> all = new ArrayList<>();
        for (int group = 0; group < 200; group++) {
            long[] ids = new long[50];
            List<byte[]> encoded = new ArrayList<>();
            for (int i = 0; i < ids.length; i++) {
                float[] v = near(topics.get(random.nextInt(topics.size())), 0.04, random);
                ids[i] = all.size();
                all.add(v);
                encoded.add(QuantizedVector.encode(v));
            }
            index.put(group, ids, encoded);
        }
        assertThat(index.size()).isEqualTo(10_000);
        int found = 0;
        int asked = 0;
        for (int q = 0; q < 50; q++) {
            float[] query = near(topics.get(q % topics.size()), 0.04, random);
            Set<Long> exact = exactTop(all, query, 10);
            Set<Long> approximate = index.search(query, 500, 10).stream().map(VectorIndex.Hit::id).collect(Collectors.toSet());
            found += approximate.stream().filter(exact::contains).count();
            asked += 10;
        }
        assertThat((double) found / asked).as("recall at 10").isGreaterThan(0.9);
    }

    @Test
    void scoresAreCosinesAndTheBestComesFirst() {
        Random random = new Random(3);
        float[] query = random(random);
        VectorIndex index = new VectorIndex(DIMENSIONS);
        float[] close = near(query, 0.01, random);
        float[] far = random(random);
        index.put(1, new long[] {10, 11}, List.of(QuantizedVector.encode(far), QuantizedVector.encode(close)));
        List<VectorIndex.Hit> hits = index.search(query, 10, 2);
        assertThat(hits.get(0).id()).isEqualTo(11);
        assertThat(hits.get(0).group()).isEqualTo(1);
        assertThat(hits.get(0).score()).isCloseTo(cosine(query, close), within(0.02f));
        assertThat(hits.get(1).score()).isLessThan(hits.get(0).score());
    }

    @Test
    void groupsAreReplacedAndRemovedWhole() {
        Random random = new Random(5);
        float[] query = random(random);
        VectorIndex index = new VectorIndex(DIMENSIONS);
        index.put(1, new long[] {1}, List.of(QuantizedVector.encode(near(query, 0.01, random))));
        index.put(2, new long[] {2, 3}, List.of(QuantizedVector.encode(random(random)), QuantizedVector.encode(random(random))));
        index.put(1, new long[] {4}, List.of(QuantizedVector.encode(random(random))));
        assertThat(index.size()).isEqualTo(3);
        assertThat(index.search(query, 10, 10)).extracting(VectorIndex.Hit::id).containsExactlyInAnyOrder(2L, 3L, 4L);
        index.removeAll(List.of(2L, 99L));
        assertThat(index.groups()).containsExactly(1L);
        assertThat(index.search(query, 10, 10)).extracting(VectorIndex.Hit::id).containsExactly(4L);
        index.remove(1);
        assertThat(index.search(query, 10, 10)).isEmpty();
        assertThat(index.memoryBytes()).isZero();
    }

    @Test
    void vectorsOfAnotherSizeAreRefused() {
        VectorIndex index = new VectorIndex(DIMENSIONS);
        assertThatThrownBy(() -> index.put(1, new long[] {1}, List.of(QuantizedVector.encode(new float[10]))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.search(new float[10], 10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.put(1, new long[] {1, 2}, List.of(QuantizedVector.encode(new float[DIMENSIONS]))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<Long> exactTop(List<float[]> all, float[] query, int k) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Float.compare(cosine(all.get(b), query), cosine(all.get(a), query)));
        return order.subList(0, k).stream().map(Integer::longValue).collect(Collectors.toSet());
    }
}

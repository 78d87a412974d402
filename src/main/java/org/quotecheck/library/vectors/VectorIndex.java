package org.quotecheck.library.vectors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Nearest neighbours by cosine among many unit vectors, in memory, in two steps: every vector is compared by the
 * Hamming distance of its sign bits (six {@code long}s for 384 dimensions: an XOR and a bit count each), and the
 * closest {@code shortlist} of those are re-ranked by the dot product of their byte-quantised values. Time grows
 * linearly with the number of vectors at about a nanosecond each; memory is {@code d/8 + d + 12} bytes a vector
 * (444 bytes at 384 dimensions).
 *
 * <p>Vectors come in groups (a source version's passages) that are added and removed whole; a search sees a consistent
 * set of groups. Writers are serialised; readers never wait.
 */
public final class VectorIndex {

    /** One vector found: its id, its group and its (approximate) cosine to the query. */
    public record Hit(long id, long group, float score) {
    }

    /** One group's vectors, packed. */
    private record Segment(long group, long[] ids, long[] bits, byte[] values, float[] scales) {
        int size() {
            return ids.length;
        }

        long bytes() {
            return 8L * ids.length + 8L * bits.length + values.length + 4L * scales.length + 64;
        }
    }

    private final int dimensions;
    private final int words;
    private volatile Segment[] segments = new Segment[0];
    private final Map<Long, Integer> positions = new HashMap<>();

    public VectorIndex(int dimensions) {
        this.dimensions = dimensions;
        this.words = (dimensions + 63) / 64;
    }

    public int dimensions() {
        return dimensions;
    }

    /** One group's vectors: {@code ids[i]} is the id of the vector encoded in {@code encoded[i]} ({@link QuantizedVector}). */
    public record Group(long group, long[] ids, List<byte[]> encoded) {
    }

    /** Adds (or replaces) a group. Vectors of another dimension are refused. */
    public void put(long group, long[] ids, List<byte[]> encoded) {
        putAll(List.of(new Group(group, ids, encoded)));
    }

    /** Adds (or replaces) many groups at once: one copy of the group list, however many there are. */
    public synchronized void putAll(List<Group> groups) {
        List<Segment> added = new ArrayList<>(groups.size());
        for (Group g : groups) {
            added.add(segment(g));
        }
        Segment[] next = java.util.Arrays.copyOf(segments, segments.length + added.size());
        int length = segments.length;
        for (Segment segment : added) {
            Integer at = positions.get(segment.group());
            if (at != null) {
                next[at] = segment;
            } else {
                next[length] = segment;
                positions.put(segment.group(), length++);
            }
        }
        segments = length == next.length ? next : java.util.Arrays.copyOf(next, length);
    }

    private Segment segment(Group g) {
        if (g.ids().length != g.encoded().size()) {
            throw new IllegalArgumentException("one id per vector");
        }
        int n = g.ids().length;
        long[] bits = new long[n * words];
        byte[] values = new byte[n * dimensions];
        float[] scales = new float[n];
        for (int i = 0; i < n; i++) {
            byte[] e = g.encoded().get(i);
            if (QuantizedVector.dimensions(e) != dimensions) {
                throw new IllegalArgumentException("vector " + g.ids()[i] + " has " + QuantizedVector.dimensions(e)
                        + " dimensions, not " + dimensions);
            }
            scales[i] = QuantizedVector.scale(e);
            System.arraycopy(e, 4, values, i * dimensions, dimensions);
            signBits(e, 4, bits, i * words);
        }
        return new Segment(g.group(), g.ids().clone(), bits, values, scales);
    }

    public void remove(long group) {
        removeAll(List.of(group));
    }

    /** Removes groups (unknown ones are ignored): one copy of the group list, however many there are. */
    public synchronized void removeAll(Collection<Long> groups) {
        Set<Long> gone = new HashSet<>(groups);
        gone.retainAll(positions.keySet());
        if (gone.isEmpty()) {
            return;
        }
        List<Segment> kept = new ArrayList<>(segments.length - gone.size());
        for (Segment segment : segments) {
            if (!gone.contains(segment.group())) {
                kept.add(segment);
            }
        }
        positions.clear();
        for (int i = 0; i < kept.size(); i++) {
            positions.put(kept.get(i).group(), i);
        }
        segments = kept.toArray(new Segment[0]);
    }

    public synchronized boolean contains(long group) {
        return positions.containsKey(group);
    }

    public synchronized java.util.Set<Long> groups() {
        return new java.util.HashSet<>(positions.keySet());
    }

    public int size() {
        int n = 0;
        for (Segment s : segments) {
            n += s.size();
        }
        return n;
    }

    /** Heap held by the vectors, for measurements. */
    public long memoryBytes() {
        long bytes = 0;
        for (Segment s : segments) {
            bytes += s.bytes();
        }
        return bytes;
    }

    /**
     * The {@code limit} vectors closest to {@code query} (a unit vector), best first, re-ranked among the
     * {@code shortlist} closest by sign bits.
     */
    public List<Hit> search(float[] query, int shortlist, int limit) {
        if (query.length != dimensions) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, not " + dimensions);
        }
        Segment[] snapshot = segments;
        byte[] encodedQuery = QuantizedVector.encode(query);
        long[] queryBits = new long[words];
        signBits(encodedQuery, 4, queryBits, 0);
        LongMaxHeap closest = new LongMaxHeap(Math.max(1, shortlist));
        for (int s = 0; s < snapshot.length; s++) {
            Segment segment = snapshot[s];
            long[] bits = segment.bits();
            int n = segment.size();
            for (int i = 0; i < n; i++) {
                int base = i * words;
                int distance = 0;
                for (int w = 0; w < words; w++) {
                    distance += Long.bitCount(bits[base + w] ^ queryBits[w]);
                }
                // distance (at most a few thousand) above, segment and position below: ordered by distance.
                closest.offer(((long) distance << 48) | ((long) s << 24) | i);
            }
        }
        float queryScale = QuantizedVector.scale(encodedQuery);
        List<Hit> hits = new ArrayList<>(closest.size());
        for (long packed : closest.values()) {
            Segment segment = snapshot[(int) ((packed >>> 24) & 0xFFFFFF)];
            int i = (int) (packed & 0xFFFFFF);
            int dot = 0;
            byte[] values = segment.values();
            int base = i * dimensions;
            for (int d = 0; d < dimensions; d++) {
                dot += values[base + d] * encodedQuery[4 + d];
            }
            hits.add(new Hit(segment.ids()[i], segment.group(), dot * segment.scales()[i] * queryScale));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparingLong(Hit::id));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    /** The exact answer by every vector's dot product: the yardstick of {@link #search}'s recall in tests. */
    public List<Hit> exhaustive(float[] query, int limit) {
        return search(query, Math.max(1, size()), limit);
    }

    private void signBits(byte[] source, int offset, long[] into, int at) {
        for (int d = 0; d < dimensions; d++) {
            if (source[offset + d] > 0) {
                into[at + d / 64] |= 1L << (d % 64);
            }
        }
    }

    /** The smallest {@code capacity} longs offered, kept in a binary max-heap. */
    static final class LongMaxHeap {
        private final long[] heap;
        private int size;

        LongMaxHeap(int capacity) {
            heap = new long[capacity];
        }

        void offer(long value) {
            if (size < heap.length) {
                heap[size] = value;
                siftUp(size++);
            } else if (value < heap[0]) {
                heap[0] = value;
                siftDown(0);
            }
        }

        int size() {
            return size;
        }

        long[] values() {
            return java.util.Arrays.copyOf(heap, size);
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (heap[parent] >= heap[i]) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void siftDown(int i) {
            while (true) {
                int left = 2 * i + 1;
                int right = left + 1;
                int largest = i;
                if (left < size && heap[left] > heap[largest]) {
                    largest = left;
                }
                if (right < size && heap[right] > heap[largest]) {
                    largest = right;
                }
                if (largest == i) {
                    return;
                }
                swap(i, largest);
                i = largest;
            }
        }

        private void swap(int a, int b) {
            long t = heap[a];
            heap[a] = heap[b];
            heap[b] = t;
        }
    }

    /** Groups of hits, best group first, each group's best hit first: for "which sources, and where in them". */
    public static Map<Long, List<Hit>> byGroup(Collection<Hit> hits) {
        Map<Long, List<Hit>> grouped = new java.util.LinkedHashMap<>();
        hits.stream().sorted(Comparator.comparingDouble(Hit::score).reversed())
                .forEach(h -> grouped.computeIfAbsent(h.group(), g -> new ArrayList<>()).add(h));
        return grouped;
    }
}

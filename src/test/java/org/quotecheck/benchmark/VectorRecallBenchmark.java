package org.quotecheck.benchmark;

import org.quotecheck.embedding.Embedder;
import org.quotecheck.embedding.minilm.MiniLmEmbedder;
import org.quotecheck.library.vectors.QuantizedVector;
import org.quotecheck.library.vectors.VectorIndex;
import org.quotecheck.verification.meaning.PassageSplitter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * How often the library's vector index finds the true nearest passages, on real sentence embeddings: sentences of
 * English prose from a directory of text files (by default Debian's {@code /usr/share/doc}, plain or gzipped)
 * embedded with the application's model; queries are some of them reworded (a fifth of the words dropped, the two
 * halves swapped); the answer of {@link VectorIndex#search} with shortlists of 0.1% to 5% of the vectors is compared
 * with the exact top 10 by cosine of the unquantised vectors.
 *
 * <p>Run: {@code ./mvnw -o test-compile} then {@code java -cp "target/test-classes:target/classes:$(cat cp.txt)"
 * org.quotecheck.benchmark.VectorRecallBenchmark [directory] [sentences]} (see {@code src/site/markdown/library.md}).
 */
public final class VectorRecallBenchmark {

    private VectorRecallBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "/usr/share/doc");
        int wanted = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        List<String> sentences = sentences(root, wanted);
        Embedder model = new MiniLmEmbedder();
        long started = System.nanoTime();
        List<float[]> vectors = new ArrayList<>();
        for (int from = 0; from < sentences.size(); from += 256) {
            vectors.addAll(model.embed(sentences.subList(from, Math.min(sentences.size(), from + 256))));
        }
        System.out.printf(Locale.ROOT, "%,d sentences from %s embedded in %.0f s%n", sentences.size(), root,
                (System.nanoTime() - started) / 1e9);
        VectorIndex index = new VectorIndex(model.dimensions());
        int group = 0;
        for (int from = 0; from < vectors.size(); from += 100) {
            int to = Math.min(vectors.size(), from + 100);
            long[] ids = new long[to - from];
            List<byte[]> encoded = new ArrayList<>();
            for (int i = from; i < to; i++) {
                ids[i - from] = i;
                encoded.add(QuantizedVector.encode(vectors.get(i)));
            }
            index.put(group++, ids, encoded);
        }
        Random random = new Random(1126);
        List<String> queries = new ArrayList<>();
        for (int q = 0; q < 200; q++) {
            queries.add(reword(sentences.get(random.nextInt(sentences.size())), random));
        }
        List<float[]> queryVectors = model.embed(queries);
        System.out.println("| shortlist | of the vectors | recall at 10 | the best passage found |");
        System.out.println("|---|---|---|---|");
        for (double share : new double[] {0.001, 0.005, 0.01, 0.02, 0.05}) {
            int shortlist = Math.max(10, (int) Math.round(share * vectors.size()));
            int found = 0;
            int best = 0;
            for (float[] query : queryVectors) {
                List<Integer> exact = exactTop(vectors, query, 10);
                Set<Long> approximate = new HashSet<>();
                index.search(query, shortlist, 10).forEach(h -> approximate.add(h.id()));
                found += (int) exact.stream().filter(i -> approximate.contains((long) i)).count();
                best += approximate.contains((long) (int) exact.get(0)) ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "| %,d | %.1f%% | %.3f | %.3f |%n", shortlist, share * 100, found / (10.0 * queries.size()),
                    best / (double) queries.size());
        }
    }

    /** A query in other words: a fifth of the words left out, the second half first. */
    private static String reword(String sentence, Random random) {
        List<String> words = new ArrayList<>(Arrays.asList(sentence.replaceAll("[.!?]$", "").split("\\s+")));
        words.removeIf(w -> random.nextInt(5) == 0);
        int half = words.size() / 2;
        List<String> swapped = new ArrayList<>(words.subList(half, words.size()));
        swapped.addAll(words.subList(0, half));
        return String.join(" ", swapped);
    }

    private static List<Integer> exactTop(List<float[]> vectors, float[] query, int k) {
        Integer[] order = new Integer[vectors.size()];
        float[] cosine = new float[vectors.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            cosine[i] = Embedder.cosine(vectors.get(i), query);
        }
        Arrays.sort(order, (a, b) -> Float.compare(cosine[b], cosine[a]));
        return Arrays.asList(order).subList(0, k);
    }

    /** Distinct sentences of prose (40 to 300 characters, mostly letters), shuffled, at most {@code wanted}. */
    private static List<String> sentences(Path root, int wanted) throws IOException {
        Set<String> found = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!(name.startsWith("README") || name.startsWith("NEWS") || name.endsWith(".txt") || name.endsWith(".txt.gz"))) {
                    continue;
                }
                String text;
                try (InputStream in = name.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
                    text = new String(in.readNBytes(2_000_000), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    continue;
                }
                String flat = text.replaceAll("\\s+", " ");
                for (var s : PassageSplitter.sentences(flat)) {
                    String sentence = flat.substring(s.start(), s.end()).strip();
                    long letters = sentence.chars().filter(Character::isLetter).count();
                    if (sentence.length() >= 40 && sentence.length() <= 300 && letters > 0.75 * sentence.length()
                            && sentence.split(" ").length >= 7) {
                        found.add(sentence);
                    }
                }
            }
        }
        List<String> all = new ArrayList<>(found);
        Collections.shuffle(all, new Random(7));
        return all.size() > wanted ? all.subList(0, wanted) : all;
    }
}

package org.quotecheck.benchmark;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.quotecheck.embedding.Embedder;
import org.quotecheck.embedding.minilm.MiniLmEmbedder;
import org.quotecheck.verification.CheckResult;
import org.quotecheck.verification.SourceIndex;
import org.quotecheck.verification.meaning.MeaningChecker;
import org.quotecheck.verification.meaning.PassageSplitter;
import org.quotecheck.verification.meaning.SourcePassage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks by meaning at the size of a long transcript: a 1 MB source cut into passages and embedded (timed once, in
 * the set-up, and printed), the model's throughput on batches of 32 sentences, and a statement checked against the
 * embedded source (the claim's embedding included, as the service does it).
 * Run: {@code ./mvnw -Pbenchmark test-compile exec:exec -Dbenchmark=Meaning}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class MeaningBenchmark {

    static final String CLAIM = "The meeting was scheduled for 30 minutes but lasted 45.";

    private Embedder model;
    private SourceIndex index;
    private List<SourcePassage> passages;
    private List<String> batch;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        List<String> filler = new ArrayList<>();
        for (String path : List.of("/corpus/articles/gyeongju-summit.txt", "/extraction/riverton-budget.txt",
                "/verification/sea-level-press-release.txt", "/extraction/senate-defense-bill.txt",
                "/meaning/sources/economy-central-bank.txt", "/meaning/sources/health-vaccine-trial.txt",
                "/meaning/sources/politics-coalition-vote.txt", "/meaning/sources/sports-cup-final.txt",
                "/meaning/sources/science-glacier-study.txt", "/verification/nordvik-earnings-call.txt")) {
            filler.add(ExtractionBenchmark.read(path));
        }
        StringBuilder text = new StringBuilder(1_010_000);
        int round = 0;
        while (text.length() < 1_000_000) {
            text.append("Session ").append(round).append(", item ").append(round * 7 % 113).append(". ")
                    .append(filler.get(round % filler.size())).append('\n');
            if (round == 300) {
                text.append(ExtractionBenchmark.read("/corpus/sources/mofa-summit-summary-2025-10-30.txt")).append('\n');
            }
            round++;
        }
        String source = text.toString();
        long began = System.nanoTime();
        model = new MiniLmEmbedder();
        long loaded = System.nanoTime();
        index = SourceIndex.build(source);
        List<SourcePassage> plain = PassageSplitter.passages(source);
        long split = System.nanoTime();
        List<SourcePassage> embedded = new ArrayList<>(plain.size());
        for (int from = 0; from < plain.size(); from += 32) {
            List<SourcePassage> part = plain.subList(from, Math.min(plain.size(), from + 32));
            List<float[]> vectors = model.embed(part.stream().map(SourcePassage::text).toList());
            for (int i = 0; i < part.size(); i++) {
                SourcePassage p = part.get(i);
                embedded.add(new SourcePassage(p.start(), p.end(), p.text(), p.window(), vectors.get(i)));
            }
        }
        long done = System.nanoTime();
        passages = embedded;
        long bytes = passages.stream().mapToLong(p -> 64 + 2L * p.text().length() + 16 + 4L * p.vector().length).sum();
        System.out.printf("%n[meaning] model loaded in %d ms; 1 MB source: %d passages, split in %d ms, embedded in %.1f s"
                        + " (%.0f passages/s); passages and vectors ~%.1f MB in memory%n",
                (loaded - began) / 1_000_000, passages.size(), (split - loaded) / 1_000_000, (done - split) / 1e9,
                passages.size() / ((done - split) / 1e9), bytes / 1e6);
        batch = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            batch.add(plain.get(i * 97 % plain.size()).text());
        }
        CheckResult check = check();
        System.out.printf("[meaning] %s -> %s %s%n", CLAIM, check.classification(), check.facts());
    }

    /** 32 passages embedded in one call: divide 32 by the time for sentences per second. */
    @Benchmark
    public List<float[]> embedBatchOf32() {
        return model.embed(batch);
    }

    @Benchmark
    public CheckResult check() {
        float[] claimVector = model.embed(List.of(CLAIM)).get(0);
        return MeaningChecker.check(CLAIM, index, passages, claimVector);
    }
}

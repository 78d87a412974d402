package org.quotecheck.benchmark;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.quotecheck.verification.CheckResult;
import org.quotecheck.verification.SourceIndex;
import org.quotecheck.verification.Tokens;
import org.quotecheck.verification.Verifier;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A 40-word quote against a 1 MB and a 10 MB source: cold (index built in the measured call), cached (index built
 * once), and a baseline that aligns the quote word by word against the whole source without an index.
 * Run: {@code ./mvnw -Pbenchmark test-compile exec:exec -Dbenchmark=Verification}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class VerificationBenchmark {

    /** 40 words, with one number changed against the source, so the full pipeline runs. */
    static final String QUOTE = "We will cut about 800 jobs, or 8 percent of our workforce, by the end of 2026. We will "
            + "support every colleague who is affected, and we will not close any of our Norwegian offices, "
            + "said the chief executive";

    @Param({"1MB", "10MB"})
    public String size;

    private String source;
    private SourceIndex cached;

    @Setup(Level.Trial)
    public void load() throws IOException {
        int target = size.equals("10MB") ? 10_000_000 : 1_000_000;
        List<String> filler = List.of(ExtractionBenchmark.read("/corpus/articles/gyeongju-summit.txt"),
                ExtractionBenchmark.read("/extraction/riverton-budget.txt"),
                ExtractionBenchmark.read("/verification/sea-level-press-release.txt"),
                ExtractionBenchmark.read("/extraction/senate-defense-bill.txt"));
        StringBuilder text = new StringBuilder(target + 10_000);
        int round = 0;
        while (text.length() < target) {
            // Vary the filler so that the index is not just a few repeated trigrams.
            text.append("Session ").append(round++).append(". ").append(filler.get(round % filler.size())).append('\n');
            if (round == 1000) {
                text.append(ExtractionBenchmark.read("/verification/nordvik-earnings-call.txt")).append('\n');
            }
        }
        source = text.toString();
        cached = SourceIndex.build(source);
        System.out.printf("%n[index] %s: %d words, ~%.1f MB heap for the index%n", size, cached.tokens().size(),
                cached.memoryBytes() / 1e6);
    }

    @Benchmark
    public CheckResult cold() {
        return Verifier.verify(QUOTE, SourceIndex.build(source), false);
    }

    @Benchmark
    public CheckResult cachedIndex() {
        return Verifier.verify(QUOTE, cached, false);
    }

    /** Baseline: best local word alignment of the quote against the entire source, no index. */
    @Benchmark
    public int baselineFullAlignment() {
        return Baseline.bestAlignmentScore(Tokens.of(QUOTE), cached.tokens());
    }
}

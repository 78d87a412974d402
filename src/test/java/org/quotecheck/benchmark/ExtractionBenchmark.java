package org.quotecheck.benchmark;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.quotecheck.claim.extraction.ClaimExtractor;
import org.quotecheck.claim.extraction.ExtractedClaim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Claim extraction time on the sample article (4 KB) and on articles of 100 KB and 1 MB made of the annotated test
 * articles, one thread. Run: {@code ./mvnw -Pbenchmark test-compile exec:exec -Dbenchmark=Extraction}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class ExtractionBenchmark {

    @Param({"sample", "100KB", "1MB"})
    public String size;

    private String body;

    @Setup
    public void load() throws IOException {
        String sample = read("/corpus/articles/gyeongju-summit.txt");
        if (size.equals("sample")) {
            body = sample;
            return;
        }
        int target = size.equals("1MB") ? 1_000_000 : 100_000;
        StringBuilder text = new StringBuilder();
        List<String> parts = List.of(sample, read("/extraction/riverton-budget.txt"), read("/extraction/senate-defense-bill.txt"),
                read("/extraction/sea-level-study.txt"), read("/extraction/nordvik-results.txt"));
        while (text.length() < target) {
            for (String part : parts) {
                text.append(part).append('\n');
            }
        }
        body = text.substring(0, target);
    }

    @Benchmark
    public List<ExtractedClaim> extract() {
        return ClaimExtractor.extract(body);
    }

    static String read(String resource) throws IOException {
        try (InputStream in = ExtractionBenchmark.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package org.quotecheck.verification.meaning;

import org.quotecheck.embedding.Embedder;
import org.quotecheck.embedding.minilm.MiniLmEmbedder;
import org.quotecheck.verification.CheckResult;
import org.quotecheck.verification.SourceIndex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the meaning check as the application does: passages cut and embedded once per source, the claim embedded. */
final class MeaningFixture {

    private static Embedder model;
    private static final Map<String, List<SourcePassage>> EMBEDDED = new HashMap<>();

    private MeaningFixture() {
    }

    static synchronized Embedder model() {
        if (model == null) {
            model = new MiniLmEmbedder();
        }
        return model;
    }

    static CheckResult check(String claim, String sourceText, boolean withModel) {
        SourceIndex index = SourceIndex.build(sourceText);
        if (!withModel) {
            return MeaningChecker.check(claim, index, null, null);
        }
        List<SourcePassage> passages = embedded(sourceText);
        float[] claimVector = model().embed(List.of(claim)).get(0);
        return MeaningChecker.check(claim, index, passages, claimVector);
    }

    static synchronized List<SourcePassage> embedded(String sourceText) {
        return EMBEDDED.computeIfAbsent(sourceText, text -> {
            List<SourcePassage> plain = PassageSplitter.passages(text);
            List<float[]> vectors = model().embed(plain.stream().map(SourcePassage::text).toList());
            List<SourcePassage> out = new ArrayList<>();
            for (int i = 0; i < plain.size(); i++) {
                SourcePassage p = plain.get(i);
                out.add(new SourcePassage(p.start(), p.end(), p.text(), p.window(), vectors.get(i)));
            }
            return out;
        });
    }
}

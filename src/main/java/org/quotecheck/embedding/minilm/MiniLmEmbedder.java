package org.quotecheck.embedding.minilm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.quotecheck.embedding.Embedder;

import java.util.ArrayList;
import java.util.List;

/**
 * The real model: quantized all-MiniLM-L6-v2 (384 dimensions) on ONNX Runtime, from the jar, in this JVM. Loading it
 * takes about a second and can fail where ONNX Runtime's native library cannot load; callers handle that.
 */
public final class MiniLmEmbedder implements Embedder {

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

    public MiniLmEmbedder() {
        model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        model.embed("warm up"); // loads the native library and the model now, not on a user's first check
    }

    @Override
    public int dimensions() {
        return 384;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t.isBlank() ? "." : t)).toList();
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            vectors.add(Embedder.normalise(e.vector().clone()));
        }
        return vectors;
    }
}

package org.quotecheck.embedding;

import java.util.List;

/**
 * Turns sentences into vectors whose cosine says how close their meanings are. The verification engine sees only
 * this interface: the real model lives in {@code embedding.minilm}, and tests can give the engine any other.
 * Vectors are unit length, so the dot product is the cosine.
 */
public interface Embedder {

    int dimensions();

    /** One unit-length vector per text, in order. */
    List<float[]> embed(List<String> texts);

    static float cosine(float[] a, float[] b) {
        float dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** Scales a vector to unit length in place (a zero vector stays zero). */
    static float[] normalise(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }
}

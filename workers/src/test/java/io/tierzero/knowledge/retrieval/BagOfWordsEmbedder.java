package io.tierzero.knowledge.retrieval;

import java.util.Locale;

/**
 * A small deterministic embedder for tests of indexing and fusion: hashed word counts, L2-normalised. It stands in
 * for the sentence-embedding model so these tests exercise OpenSearch and the fusion, not the model.
 */
final class BagOfWordsEmbedder implements TextEmbedder {

    private static final int DIMENSIONS = 256;

    @Override
    public float[] embed(String text) {
        float[] vector = new float[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() > 2) {
                vector[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
            }
        }
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        if (norm == 0) {
            vector[0] = 1;
            return vector;
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }
}

package io.tierzero.knowledge.embedding;

import io.tierzero.knowledge.retrieval.TextEmbedder;
import java.util.function.Supplier;

/** The configured embedding model, loaded on the first text to embed rather than at start. */
public final class LazyTextEmbedder implements TextEmbedder {

    private final Supplier<SentenceEmbedder> embedder;
    private final String modelId;

    public LazyTextEmbedder(Supplier<SentenceEmbedder> embedder, String modelId) {
        this.embedder = embedder;
        this.modelId = modelId;
    }

    @Override
    public float[] embed(String text) {
        return embedder.get().embed(text);
    }

    @Override
    public int dimensions() {
        return embedder.get().dimensions();
    }

    @Override
    public String modelId() {
        return modelId;
    }
}

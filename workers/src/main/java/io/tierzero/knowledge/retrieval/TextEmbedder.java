package io.tierzero.knowledge.retrieval;

import java.util.List;

/** Turns text into a unit-length vector whose cosine similarity reflects meaning. */
public interface TextEmbedder {

    float[] embed(String text);

    /** The vectors of the texts, in order; implementations may batch. */
    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }

    int dimensions();

    /** Which embedding model; vectors of different models are not comparable. */
    String modelId();
}

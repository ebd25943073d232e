package io.tierzero.knowledge.embedding;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The embedder is lazy: loading the model (about a second, see EmbeddingBenchmark) happens on first use, not at
 * start. Nothing here depends on the mode, so it works the same embedded and external.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingConfiguration.class);

    @Bean(destroyMethod = "close")
    @Lazy
    SentenceEmbedder sentenceEmbedder(EmbeddingProperties properties) {
        long start = System.nanoTime();
        SentenceEmbedder embedder = new SentenceEmbedder(properties.spec(), properties.cacheDir(), properties.predictors());
        log.info("Embedding model {} ({} dimensions) loaded in {} ms", embedder.modelId(), embedder.dimensions(),
                (System.nanoTime() - start) / 1_000_000);
        return embedder;
    }

    @Bean
    LazyTextEmbedder lazyTextEmbedder(ObjectProvider<SentenceEmbedder> embedder, EmbeddingProperties properties) {
        return new LazyTextEmbedder(embedder::getObject, properties.spec().id());
    }
}

package io.tierzero.knowledge.embedding;

import io.tierzero.knowledge.retrieval.TextEmbedder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;

/**
 * The embedder is lazy: loading the model (about a second, see EmbeddingBenchmark) happens on first use, not at
 * start. Nothing here depends on the mode, so it works the same embedded and external.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingConfiguration.class);
    private static final int RECENT_TEXTS = 1024;

    @Bean(destroyMethod = "close")
    @Lazy
    SentenceEmbedder sentenceEmbedder(EmbeddingProperties properties) {
        long start = System.nanoTime();
        SentenceEmbedder embedder = new SentenceEmbedder(properties.spec(), properties.cacheDir(), properties.predictors());
        log.info("Embedding model {} ({} dimensions) loaded in {} ms", embedder.modelId(), embedder.dimensions(),
                (System.nanoTime() - start) / 1_000_000);
        return embedder;
    }

    /** What the product embeds with: the configured model, loaded on first use, recent texts remembered. */
    @Bean
    @Primary
    TextEmbedder textEmbedder(ObjectProvider<SentenceEmbedder> embedder, EmbeddingProperties properties) {
        return new RecentEmbeddings(new LazyTextEmbedder(embedder::getObject, properties.spec().id()), RECENT_TEXTS);
    }
}

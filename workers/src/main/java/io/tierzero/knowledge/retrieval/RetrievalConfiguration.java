package io.tierzero.knowledge.retrieval;

import io.tierzero.knowledge.embedding.SentenceEmbedder;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RetrievalConfiguration {

    /** The embedding model is loaded on the first search, not at start: without an index it is never needed. */
    @Bean
    HybridRunbookSearch hybridRunbookSearch(OpenSearchClient client, ObjectProvider<SentenceEmbedder> embedder) {
        return new HybridRunbookSearch(client, new TextEmbedder() {
            @Override
            public float[] embed(String text) {
                return embedder.getObject().embed(text);
            }

            @Override
            public int dimensions() {
                return embedder.getObject().dimensions();
            }
        });
    }
}

package io.tierzero.knowledge.retrieval;

import io.tierzero.knowledge.embedding.LazyTextEmbedder;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RetrievalConfiguration {

    /** The embedding model is loaded on the first search, not at start: without an index it is never needed. */
    @Bean
    HybridRunbookSearch hybridRunbookSearch(OpenSearchClient client, LazyTextEmbedder embedder) {
        return new HybridRunbookSearch(client, embedder);
    }
}

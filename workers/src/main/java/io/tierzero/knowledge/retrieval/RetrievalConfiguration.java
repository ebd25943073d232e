package io.tierzero.knowledge.retrieval;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RetrievalConfiguration {

    /** The embedding model is loaded on the first search, not at start: without an index it is never needed. */
    @Bean
    HybridRunbookSearch hybridRunbookSearch(OpenSearchClient client, TextEmbedder embedder) {
        return new HybridRunbookSearch(client, embedder);
    }

    /** Runbooks and similar resolved tickets for a ticket with one embedding. */
    @Bean
    KnowledgeRetrieval knowledgeRetrieval(OpenSearchClient client, TextEmbedder embedder) {
        return new KnowledgeRetrieval(client, embedder);
    }

    @Bean
    SimilarTicketSearch similarTicketSearch(OpenSearchClient client, TextEmbedder embedder) {
        return new SimilarTicketSearch(client, embedder);
    }
}

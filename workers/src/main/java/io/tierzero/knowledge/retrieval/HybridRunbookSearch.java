package io.tierzero.knowledge.retrieval;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * Hybrid runbook retrieval: a BM25 query and a k-NN query over the tenant's and the default library, fused with
 * reciprocal rank fusion (see {@link HybridSearch}). The retrieval confidence is the fused score relative to the
 * best possible one (first in both lists), so 1.0 means both methods agree on the top runbook.
 */
public class HybridRunbookSearch {

    static final int CANDIDATES = 20;
    private static final List<String> FIELDS = List.of("title^2", "phrasings^3", "body");
    private static final List<String> RETURNED = List.of("runbook_id", "title");

    private final OpenSearchClient client;
    private final HybridSearch hybrid;
    private final TextEmbedder embedder;

    public HybridRunbookSearch(OpenSearchClient client, TextEmbedder embedder) {
        this.client = client;
        this.hybrid = new HybridSearch(client);
        this.embedder = embedder;
    }

    /** Whether the runbook index exists; throws when OpenSearch cannot be reached. */
    public boolean isIndexed() throws IOException {
        return client.indices().exists(exists -> exists.index(RunbookIndex.NAME)).value();
    }

    public List<RetrievedRunbook> search(String tenantId, String ticketText, int topK) throws IOException {
        return searchAll(tenantId, Collections.singletonList(ticketText), topK).getFirst();
    }

    /** The runbooks of each ticket text, in order: one batch of embeddings and two multi-searches (BM25, k-NN) for all. */
    public List<List<RetrievedRunbook>> searchAll(String tenantId, List<String> ticketTexts, int topK)
            throws IOException {
        List<String> texts = ticketTexts.stream().map(text -> text == null ? "" : text).toList();
        List<HybridQuery> queries = texts.stream().map(text -> query(tenantId, text)).toList();
        return hybrid.run(queries, () -> embedder.embedAll(texts), topK).stream()
                .map(HybridRunbookSearch::runbooks).toList();
    }

    static HybridQuery query(String tenantId, String ticketText) {
        Query visible = Query.of(q -> q.terms(terms -> terms.field("tenant_id").terms(values -> values.value(
                List.of(FieldValue.of(tenantId), FieldValue.of(RunbookIndex.DEFAULT_LIBRARY))))));
        return new HybridQuery(RunbookIndex.NAME, visible, ticketText, FIELDS, CANDIDATES, -1,
                hit -> String.valueOf(hit.source().get("runbook_id")), RETURNED);
    }

    static List<RetrievedRunbook> runbooks(List<FusedHit> hits) {
        return hits.stream().map(hit -> new RetrievedRunbook(hit.key(), String.valueOf(hit.source().get("title")),
                hit.score(), hit.keywordRank(), hit.semanticRank(), hit.confidence())).toList();
    }
}

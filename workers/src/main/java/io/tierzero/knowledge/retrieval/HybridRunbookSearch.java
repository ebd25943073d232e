package io.tierzero.knowledge.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Hybrid runbook retrieval: a BM25 query and a k-NN query over the tenant's and the default library, fused with
 * reciprocal rank fusion (score = sum of 1 / (60 + rank)), done here because neural-search is not available.
 * The retrieval confidence is the fused score relative to the best possible one (first in both lists), so 1.0
 * means both methods agree on the top runbook.
 */
public class HybridRunbookSearch {

    static final int RRF_K = 60;
    static final int CANDIDATES = 20;

    private final OpenSearchClient client;
    private final TextEmbedder embedder;

    public HybridRunbookSearch(OpenSearchClient client, TextEmbedder embedder) {
        this.client = client;
        this.embedder = embedder;
    }

    /** Whether the runbook index exists; throws when OpenSearch cannot be reached. */
    public boolean isIndexed() throws IOException {
        return client.indices().exists(exists -> exists.index(RunbookIndex.NAME)).value();
    }

    public List<RetrievedRunbook> search(String tenantId, String ticketText, int topK) throws IOException {
        Query visible = Query.of(q -> q.terms(terms -> terms.field("tenant_id").terms(values -> values.value(
                List.of(FieldValue.of(tenantId), FieldValue.of(RunbookIndex.DEFAULT_LIBRARY))))));
        List<Hit<Map>> keyword = ticketText.isBlank() ? List.of() : client.search(search -> search
                .index(RunbookIndex.NAME).size(CANDIDATES)
                .query(q -> q.bool(b -> b.filter(visible).must(must -> must.multiMatch(match -> match
                        .query(ticketText).fields("title^2", "phrasings^3", "body"))))), Map.class).hits().hits();
        List<Float> vector = RunbookIndex.toList(embedder.embed(ticketText));
        SearchResponse<Map> semanticResponse = client.search(search -> search
                .index(RunbookIndex.NAME).size(CANDIDATES)
                .query(q -> q.knn(knn -> knn.field("embedding").vector(vector).k(CANDIDATES).filter(visible))), Map.class);
        return fuse(keyword, semanticResponse.hits().hits(), topK);
    }

    static List<RetrievedRunbook> fuse(List<Hit<Map>> keyword, List<Hit<Map>> semantic, int topK) {
        Map<String, Fused> fused = new HashMap<>();
        rank(keyword, fused, true);
        rank(semantic, fused, false);
        double best = 2.0 / (RRF_K + 1);
        List<RetrievedRunbook> results = new ArrayList<>();
        fused.values().stream()
                .sorted(Comparator.comparingDouble(Fused::score).reversed().thenComparing(Fused::runbookId))
                .limit(topK)
                .forEach(f -> results.add(new RetrievedRunbook(f.runbookId, f.title, f.score(), f.keywordRank,
                        f.semanticRank, Math.min(1.0, f.score() / best))));
        return results;
    }

    private static void rank(List<Hit<Map>> hits, Map<String, Fused> fused, boolean keyword) {
        for (int i = 0; i < hits.size(); i++) {
            Map<?, ?> source = hits.get(i).source();
            String runbookId = String.valueOf(source.get("runbook_id"));
            Fused entry = fused.computeIfAbsent(runbookId, id -> new Fused(id, String.valueOf(source.get("title"))));
            // a tenant's own runbook with the default's id: the better rank counts once
            if (keyword && entry.keywordRank == 0) {
                entry.keywordRank = i + 1;
            } else if (!keyword && entry.semanticRank == 0) {
                entry.semanticRank = i + 1;
            }
        }
    }

    private static final class Fused {
        private final String runbookId;
        private final String title;
        private int keywordRank;
        private int semanticRank;

        Fused(String runbookId, String title) {
            this.runbookId = runbookId;
            this.title = title;
        }

        String runbookId() {
            return runbookId;
        }

        double score() {
            return (keywordRank == 0 ? 0 : 1.0 / (RRF_K + keywordRank))
                    + (semanticRank == 0 ? 0 : 1.0 / (RRF_K + semanticRank));
        }
    }
}

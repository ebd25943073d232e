package io.tierzero.knowledge.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opensearch.client.opensearch.OpenSearchAsyncClient;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.MsearchResponse;
import org.opensearch.client.opensearch.core.msearch.MultiSearchResponseItem;
import org.opensearch.client.opensearch.core.msearch.RequestItem;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.SourceConfig;

/**
 * Runs hybrid queries (BM25 + k-NN) and fuses each pair of result lists with reciprocal rank fusion
 * (score = sum of 1 / (60 + rank)), done here because neural-search is not available. The keyword searches of
 * all the queries of a call go to OpenSearch in one multi-search request, the k-NN searches in a second one
 * (OpenSearch runs the searches of each concurrently). A missing index gives
 * no hits rather than an error, so retrieval works before anything was indexed.
 */
final class HybridSearch {

    static final int RRF_K = 60;
    /**
     * OpenSearch refuses a query of more than 1024 clauses, and a BM25 query makes one per term and field: a long
     * ticket is cut to its first terms (splitting at every non-alphanumeric character, which counts at least as
     * many terms as the standard analyzer). The embedding reads only the first 256 tokens too.
     */
    static final int MAX_KEYWORD_CLAUSES = 1000;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final double BEST_SCORE = 2.0 / (RRF_K + 1);

    private final OpenSearchClient client;
    private final OpenSearchAsyncClient asyncClient;

    HybridSearch(OpenSearchClient client) {
        this.client = client;
        this.asyncClient = new OpenSearchAsyncClient(client._transport(), client._transportOptions());
    }

    /**
     * The fused hits of each query, best first, at most {@code topK} each, in the order of the queries. The keyword
     * searches are sent first and run in OpenSearch while {@code embed} computes the query vectors here; then the
     * k-NN searches follow.
     *
     * @param embed the vector of each query, in order; a null vector skips that query's k-NN search
     */
    List<List<FusedHit>> run(List<HybridQuery> queries, Supplier<List<float[]>> embed, int topK) throws IOException {
        List<RequestItem> keywordSearches = new ArrayList<>();
        int[] keywordItem = new int[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            HybridQuery query = queries.get(i);
            String keywordText = keywordText(query.text(), query.textFields().size());
            keywordItem[i] = keywordText.isEmpty() ? -1 : keywordSearches.size();
            if (keywordItem[i] >= 0) {
                keywordSearches.add(RequestItem.of(item -> item
                        .header(header -> header.index(query.index()).ignoreUnavailable(true))
                        .body(body -> body.size(query.candidates()).source(returned(query))
                                .query(q -> q.bool(b -> b.filter(query.filter())
                                        .must(must -> must.multiMatch(match -> match.query(keywordText)
                                                .fields(query.textFields()))))))));
            }
        }
        CompletableFuture<List<MultiSearchResponseItem<Map>>> keywordResponses = keywordSearches.isEmpty()
                ? CompletableFuture.completedFuture(List.of())
                : asyncClient.msearch(request -> request.searches(keywordSearches), Map.class)
                        .thenApply(MsearchResponse::responses);

        List<float[]> vectors = embed.get();
        List<RequestItem> semanticSearches = new ArrayList<>();
        int[] semanticItem = new int[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            HybridQuery query = queries.get(i);
            semanticItem[i] = vectors.get(i) == null ? -1 : semanticSearches.size();
            if (semanticItem[i] >= 0) {
                List<Float> vector = toList(vectors.get(i));
                semanticSearches.add(RequestItem.of(item -> item
                        .header(header -> header.index(query.index()).ignoreUnavailable(true))
                        .body(body -> body.size(query.candidates()).source(returned(query))
                                .query(q -> q.knn(knn -> knn.field("embedding").vector(vector)
                                        .k(query.candidates()).filter(query.filter()))))));
            }
        }
        List<MultiSearchResponseItem<Map>> semanticResponses = semanticSearches.isEmpty() ? List.of()
                : client.msearch(request -> request.searches(semanticSearches), Map.class).responses();

        List<MultiSearchResponseItem<Map>> keywordResponseItems = join(keywordResponses);
        List<List<FusedHit>> results = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            HybridQuery query = queries.get(i);
            List<Hit<Map>> keyword = hits(keywordResponseItems, keywordItem[i]);
            // cosinesimil scores are (1 + cosine) / 2
            List<Hit<Map>> semantic = hits(semanticResponses, semanticItem[i]).stream()
                    .filter(hit -> hit.score() != null && 2 * hit.score() - 1 >= query.minSimilarity())
                    .toList();
            results.add(fuse(keyword, semantic, query, topK));
        }
        return results;
    }

    private static <T> T join(CompletableFuture<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for OpenSearch", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    private static SourceConfig returned(HybridQuery query) {
        return SourceConfig.of(source -> source.filter(filter -> filter.includes(query.returnedFields())));
    }

    private static List<Hit<Map>> hits(List<MultiSearchResponseItem<Map>> responses, int item) throws IOException {
        if (item < 0) {
            return List.of();
        }
        MultiSearchResponseItem<Map> response = responses.get(item);
        if (response.isFailure()) {
            var error = response.failure().error();
            String cause = error.rootCause().isEmpty() ? "" : " (" + error.rootCause().getFirst().reason() + ")";
            throw new IOException("OpenSearch search failed: " + error.reason() + cause);
        }
        return response.result().hits().hits();
    }

    static List<FusedHit> fuse(List<Hit<Map>> keyword, List<Hit<Map>> semantic, HybridQuery query, int topK) {
        Map<String, int[]> ranks = new LinkedHashMap<>();
        Map<String, Map<?, ?>> sources = new LinkedHashMap<>();
        rank(keyword, 0, query, ranks, sources);
        rank(semantic, 1, query, ranks, sources);
        return ranks.entrySet().stream()
                .map(entry -> {
                    int[] rank = entry.getValue();
                    double score = (rank[0] == 0 ? 0 : 1.0 / (RRF_K + rank[0]))
                            + (rank[1] == 0 ? 0 : 1.0 / (RRF_K + rank[1]));
                    return new FusedHit(entry.getKey(), sources.get(entry.getKey()), rank[0], rank[1], score,
                            Math.min(1.0, score / BEST_SCORE));
                })
                .sorted(Comparator.comparingDouble(FusedHit::score).reversed().thenComparing(FusedHit::key))
                .limit(topK)
                .toList();
    }

    private static void rank(List<Hit<Map>> hits, int list, HybridQuery query, Map<String, int[]> ranks,
            Map<String, Map<?, ?>> sources) {
        for (int i = 0; i < hits.size(); i++) {
            Hit<Map> hit = hits.get(i);
            String key = query.key().apply(hit);
            int[] rank = ranks.computeIfAbsent(key, k -> new int[2]);
            sources.putIfAbsent(key, hit.source());
            // two documents with the same key (a tenant's runbook with the default's id): the better rank counts
            if (rank[list] == 0) {
                rank[list] = i + 1;
            }
        }
    }

    static String keywordText(String text, int fields) {
        return text == null ? "" : NON_WORD.splitAsStream(text).filter(term -> !term.isEmpty())
                .limit(MAX_KEYWORD_CLAUSES / fields).collect(Collectors.joining(" "));
    }

    static List<Float> toList(float[] vector) {
        List<Float> values = new ArrayList<>(vector.length);
        for (float value : vector) {
            values.add(value);
        }
        return values;
    }
}

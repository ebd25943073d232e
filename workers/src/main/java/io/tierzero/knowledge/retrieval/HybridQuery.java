package io.tierzero.knowledge.retrieval;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * One hybrid retrieval: a BM25 query of {@code text} over {@code textFields} and a k-NN query of the text's
 * vector over the {@code embedding} field, both restricted by {@code filter}, each returning {@code candidates} hits.
 *
 * @param text          skipped by the keyword side when blank
 * @param minSimilarity k-NN hits with a lower cosine similarity are dropped (-1 keeps all)
 * @param key           what the two lists are fused on, e.g. the document id or a runbook id
 * @param returnedFields the source fields the hits carry: never the embedding, whose JSON would dominate the
 *                      response and its parsing
 */
record HybridQuery(String index, Query filter, String text, List<String> textFields, int candidates,
                   double minSimilarity, Function<Hit<Map>, String> key, List<String> returnedFields) {
}

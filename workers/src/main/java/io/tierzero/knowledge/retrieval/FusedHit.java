package io.tierzero.knowledge.retrieval;

import java.util.Map;

/**
 * A document found by a {@link HybridQuery}: its source, its rank in the keyword and the semantic list (0 when
 * absent from one), its reciprocal-rank-fusion score and that score relative to the best possible one (0..1).
 */
record FusedHit(String key, Map<?, ?> source, int keywordRank, int semanticRank, double score, double confidence) {
}

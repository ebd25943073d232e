package io.tierzero.knowledge.retrieval;

/**
 * A runbook found for a ticket, with its reciprocal-rank-fusion score, its rank in the keyword (BM25) and the
 * semantic (k-NN) result lists (0 when absent from one), and the retrieval confidence (0..1).
 */
public record RetrievedRunbook(String runbookId, String title, double fusedScore, int keywordRank, int semanticRank,
                               double confidence) {
}

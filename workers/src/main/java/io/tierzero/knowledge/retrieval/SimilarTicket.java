package io.tierzero.knowledge.retrieval;

import java.time.Instant;

/**
 * A resolved ticket similar to a new one: what it was about, who resolved it and how, its
 * reciprocal-rank-fusion score, its rank in the keyword (BM25) and semantic (k-NN) lists (0 when absent from
 * one) and the retrieval confidence (0..1, 1 when both methods put it first).
 */
public record SimilarTicket(String ticketId, String source, String shortDescription, String assignmentGroup,
                            String runbookId, String resolutionNotes, Instant resolvedAt, double fusedScore,
                            int keywordRank, int semanticRank, double confidence) {
}

package io.tierzero.knowledge.retrieval;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Finds the resolved tickets of a tenant most similar to a new ticket: BM25 over the short description and
 * description plus k-NN over the ticket embeddings, fused with reciprocal rank fusion (see {@link HybridSearch}).
 * Tickets are a tenant's own data, so only that tenant's are searched. A k-NN neighbour below
 * {@value #MIN_SIMILARITY} cosine similarity is not counted as similar: nearest neighbours always exist, even for
 * a garbled text, and they would otherwise be returned as similar tickets.
 */
public class SimilarTicketSearch {

    static final int CANDIDATES = 20;
    static final double MIN_SIMILARITY = 0.5;
    private static final List<String> FIELDS = List.of("short_description^2", "description");
    private static final List<String> RETURNED = List.of("ticket_id", "source", "short_description",
            "assignment_group", "runbook_id", "resolution_notes", "resolved_at");

    private final HybridSearch hybrid;
    private final TextEmbedder embedder;

    public SimilarTicketSearch(OpenSearchClient client, TextEmbedder embedder) {
        this.hybrid = new HybridSearch(client);
        this.embedder = embedder;
    }

    /** The at most {@code topK} most similar resolved tickets, best first; none for a null or blank text. */
    public List<SimilarTicket> search(String tenantId, String ticketText, int topK) throws IOException {
        return searchAll(tenantId, Collections.singletonList(ticketText), topK).getFirst();
    }

    /** {@link #search} for each text, in order: one batch of embeddings and two multi-searches (BM25, k-NN) for all. */
    public List<List<SimilarTicket>> searchAll(String tenantId, List<String> ticketTexts, int topK)
            throws IOException {
        List<String> texts = ticketTexts.stream().map(text -> text == null ? "" : text).toList();
        List<HybridQuery> queries = texts.stream().map(text -> query(tenantId, text)).toList();
        return hybrid.run(queries, () -> embedSearchable(texts), topK).stream()
                .map(SimilarTicketSearch::similarTickets).toList();
    }

    static HybridQuery query(String tenantId, String ticketText) {
        Query ownTickets = Query.of(q -> q.term(term -> term.field("tenant_id").value(v -> v.stringValue(tenantId))));
        return new HybridQuery(ResolvedTicketIndex.NAME, ownTickets, ticketText, FIELDS, CANDIDATES, MIN_SIMILARITY,
                Hit::id, RETURNED);
    }

    /** Nothing is searched for a blank text: no vector. */
    private List<float[]> embedSearchable(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(embedder.embedAll(texts));
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).isBlank()) {
                vectors.set(i, null);
            }
        }
        return vectors;
    }

    static List<SimilarTicket> similarTickets(List<FusedHit> hits) {
        return hits.stream().map(hit -> {
            Map<?, ?> source = hit.source();
            Object resolvedAt = source.get("resolved_at");
            return new SimilarTicket(text(source, "ticket_id"), text(source, "source"),
                    text(source, "short_description"), text(source, "assignment_group"), text(source, "runbook_id"),
                    text(source, "resolution_notes"), resolvedAt == null ? null : Instant.parse(resolvedAt.toString()),
                    hit.score(), hit.keywordRank(), hit.semanticRank(), hit.confidence());
        }).toList();
    }

    private static String text(Map<?, ?> source, String field) {
        Object value = source.get(field);
        return value == null ? null : value.toString();
    }
}

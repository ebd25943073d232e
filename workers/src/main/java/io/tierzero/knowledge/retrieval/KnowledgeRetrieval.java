package io.tierzero.knowledge.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * Runbooks and similar resolved tickets for new tickets together, at the cost of one embedding per ticket and two
 * multi-searches per call (BM25, then k-NN): the triage path, where {@link HybridRunbookSearch} and
 * {@link SimilarTicketSearch} separately would embed every ticket twice and make twice the round trips.
 */
public class KnowledgeRetrieval {

    /** What was found for one ticket. */
    public record Retrieved(List<RetrievedRunbook> runbooks, List<SimilarTicket> similarTickets) {
    }

    private final HybridSearch hybrid;
    private final TextEmbedder embedder;

    public KnowledgeRetrieval(OpenSearchClient client, TextEmbedder embedder) {
        this.hybrid = new HybridSearch(client);
        this.embedder = embedder;
    }

    public Retrieved retrieve(String tenantId, String ticketText, int topK) throws IOException {
        return retrieveAll(tenantId, Collections.singletonList(ticketText), topK).getFirst();
    }

    /** For each text, in order, the {@code topK} best runbooks and similar tickets (no similar ticket for a blank text). */
    public List<Retrieved> retrieveAll(String tenantId, List<String> ticketTexts, int topK) throws IOException {
        List<String> texts = ticketTexts.stream().map(text -> text == null ? "" : text).toList();
        List<HybridQuery> queries = new ArrayList<>(2 * texts.size());
        for (String text : texts) {
            queries.add(HybridRunbookSearch.query(tenantId, text));
            queries.add(SimilarTicketSearch.query(tenantId, text));
        }
        Supplier<List<float[]>> vectorPerQuery = () -> {
            List<float[]> vectors = embedder.embedAll(texts);
            List<float[]> perQuery = new ArrayList<>(queries.size());
            for (int i = 0; i < texts.size(); i++) {
                perQuery.add(vectors.get(i));
                perQuery.add(texts.get(i).isBlank() ? null : vectors.get(i));
            }
            return perQuery;
        };
        List<List<FusedHit>> hits = hybrid.run(queries, vectorPerQuery, topK);
        List<Retrieved> results = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            results.add(new Retrieved(HybridRunbookSearch.runbooks(hits.get(2 * i)),
                    SimilarTicketSearch.similarTickets(hits.get(2 * i + 1))));
        }
        return results;
    }
}

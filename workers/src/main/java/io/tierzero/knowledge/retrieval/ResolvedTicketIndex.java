package io.tierzero.knowledge.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;

/**
 * The OpenSearch index of resolved tickets, for finding tickets similar to a new one: text fields for BM25 and
 * one embedding of the ticket text for k-NN (Lucene HNSW, as for runbooks). Documents are keyed by tenant,
 * source and ticket id, so indexing the same ticket again replaces it instead of adding a copy. Unlike the runbook
 * index it is never dropped: it holds tickets resolved in the product, which cannot be rebuilt from a file.
 */
public class ResolvedTicketIndex {

    public static final String NAME = "tierzero-resolved-tickets";
    public static final String RESOLVED_IN_TIERZERO = "tierzero";

    private final OpenSearchClient client;
    private final TextEmbedder embedder;
    private volatile boolean exists;

    public ResolvedTicketIndex(OpenSearchClient client, TextEmbedder embedder) {
        this.client = client;
        this.embedder = embedder;
    }

    /**
     * Indexes the tickets in bulk requests of {@code batchSize}, embedding each batch at once, reports progress
     * after each batch and makes them searchable before returning. Ends with a merge into one segment: every search
     * (BM25 and each HNSW graph) runs once per segment, and a bulk load leaves many.
     */
    public int indexAll(List<ResolvedTicket> tickets, int batchSize, Consumer<String> progress) throws IOException {
        createIfMissing();
        int done = 0;
        for (int from = 0; from < tickets.size(); from += batchSize) {
            List<ResolvedTicket> batch = tickets.subList(from, Math.min(from + batchSize, tickets.size()));
            List<float[]> vectors = embedder.embedAll(batch.stream().map(ResolvedTicket::text).toList());
            List<BulkOperation> operations = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                ResolvedTicket ticket = batch.get(i);
                Map<String, Object> document = document(ticket, vectors.get(i));
                operations.add(BulkOperation.of(op -> op.index(index -> index.index(NAME).id(ticket.documentId())
                        .document(document))));
            }
            BulkResponse response = client.bulk(bulk -> bulk.operations(operations));
            if (response.errors()) {
                var failed = response.items().stream().filter(item -> item.error() != null).findFirst().orElseThrow();
                throw new IOException("Indexing ticket " + failed.id() + " failed: " + failed.error().reason());
            }
            done += batch.size();
            progress.accept("indexed %d/%d tickets".formatted(done, tickets.size()));
        }
        client.indices().refresh(refresh -> refresh.index(NAME));
        client.indices().forcemerge(merge -> merge.index(NAME).maxNumSegments(1L));
        return done;
    }

    /** Adds or replaces one resolved ticket; searchable within a second (the index refresh interval). */
    public void index(ResolvedTicket ticket) throws IOException {
        createIfMissing();
        Map<String, Object> document = document(ticket, embedder.embed(ticket.text()));
        client.index(request -> request.index(NAME).id(ticket.documentId()).document(document));
    }

    /** Resolved tickets of the tenant in the index (0 when there is no index yet). */
    public long count(String tenantId) throws IOException {
        if (!client.indices().exists(request -> request.index(NAME)).value()) {
            return 0;
        }
        return client.count(count -> count.index(NAME)
                .query(q -> q.term(term -> term.field("tenant_id").value(v -> v.stringValue(tenantId))))).count();
    }

    private static Map<String, Object> document(ResolvedTicket ticket, float[] vector) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("tenant_id", ticket.tenantId());
        document.put("source", ticket.source());
        document.put("ticket_id", ticket.ticketId());
        document.put("short_description", ticket.shortDescription());
        document.put("description", ticket.description());
        document.put("assignment_group", ticket.assignmentGroup());
        document.put("runbook_id", ticket.runbookId());
        document.put("resolution_notes", ticket.resolutionNotes());
        document.put("resolved_at", ticket.resolvedAt() == null ? null : ticket.resolvedAt().toString());
        document.put("embedding", HybridSearch.toList(vector));
        return document;
    }

    private void createIfMissing() throws IOException {
        if (exists || client.indices().exists(request -> request.index(NAME)).value()) {
            exists = true;
            return;
        }
        try {
            client.indices().create(index -> index.index(NAME)
                    .settings(settings -> settings.knn(true))
                    .mappings(mappings -> mappings
                            .properties("tenant_id", property -> property.keyword(keyword -> keyword))
                            .properties("source", property -> property.keyword(keyword -> keyword))
                            .properties("ticket_id", property -> property.keyword(keyword -> keyword))
                            .properties("short_description", property -> property.text(text -> text))
                            .properties("description", property -> property.text(text -> text))
                            .properties("assignment_group", property -> property.keyword(keyword -> keyword))
                            .properties("runbook_id", property -> property.keyword(keyword -> keyword))
                            .properties("resolution_notes", property -> property.text(text -> text))
                            .properties("resolved_at", property -> property.date(date -> date))
                            .properties("embedding", property -> property.knnVector(vector -> vector
                                    .dimension(embedder.dimensions())
                                    .method(method -> method.name("hnsw").engine("lucene").spaceType("cosinesimil"))))));
        } catch (OpenSearchException e) {
            // created meanwhile by another writer
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
        exists = true;
    }
}

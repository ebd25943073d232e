package io.tierzero.audit.search;

import io.tierzero.audit.AuditEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.search.Hit;
import org.springframework.stereotype.Component;

/**
 * The OpenSearch copy of every tenant's audit trail, the process history included (each event names its process
 * instance and BPMN element): searchable by tenant, ticket, actor, action, period and words. Documents are keyed
 * by tenant and sequence number, so copying an event again replaces it.
 */
@Component
public class AuditIndex {

    static final String NAME = "tierzero-audit";

    private final OpenSearchClient client;
    private volatile boolean exists;

    public AuditIndex(OpenSearchClient client) {
        this.client = client;
    }

    void index(List<IndexedEvent> events) throws IOException {
        createIfMissing();
        List<BulkOperation> operations = new ArrayList<>(events.size());
        for (IndexedEvent indexed : events) {
            AuditEvent event = indexed.event();
            operations.add(BulkOperation.of(op -> op.index(index -> index.index(NAME)
                    .id(event.tenantId() + ":" + event.sequenceNumber()).document(document(indexed)))));
        }
        BulkResponse response = client.bulk(bulk -> bulk.operations(operations));
        if (response.errors()) {
            var failed = response.items().stream().filter(item -> item.error() != null).findFirst().orElseThrow();
            throw new IOException("Indexing audit event " + failed.id() + " failed: " + failed.error().reason());
        }
    }

    AuditSearchPage search(AuditQuery query) throws IOException {
        createIfMissing();
        List<Query> filters = new ArrayList<>();
        filters.add(term("tenant_id", query.tenantId()));
        if (query.ticket() != null) {
            filters.add(Query.of(q -> q.bool(b -> b.should(term("reference_number", query.ticket()), term("ticket_id", query.ticket()))
                    .minimumShouldMatch("1"))));
        }
        if (query.actor() != null) {
            filters.add(term("actor_id", query.actor()));
        }
        if (query.action() != null) {
            filters.add(query.action().endsWith("*")
                    ? Query.of(q -> q.prefix(p -> p.field("action").value(query.action().substring(0, query.action().length() - 1))))
                    : term("action", query.action()));
        }
        if (query.from() != null || query.to() != null) {
            filters.add(Query.of(q -> q.range(r -> {
                r.field("occurred_at");
                if (query.from() != null) {
                    r.gte(JsonData.of(query.from().toString()));
                }
                if (query.to() != null) {
                    r.lt(JsonData.of(query.to().toString()));
                }
                return r;
            })));
        }
        Query words = query.text() == null ? null
                : Query.of(q -> q.multiMatch(m -> m.query(query.text()).fields("reason", "payload")));
        SearchResponse<Map> response = client.search(search -> search.index(NAME)
                .query(q -> q.bool(b -> {
                    b.filter(filters);
                    if (words != null) {
                        b.must(words);
                    }
                    return b;
                }))
                .sort(sort -> sort.field(field -> field.field("occurred_at").order(SortOrder.Desc)))
                .sort(sort -> sort.field(field -> field.field("sequence_number").order(SortOrder.Desc)))
                .from(query.offset()).size(query.limit()).trackTotalHits(total -> total.enabled(true)), Map.class);
        List<Map<String, Object>> events = response.hits().hits().stream().map(AuditIndex::source).toList();
        return new AuditSearchPage(response.hits().total() == null ? events.size() : response.hits().total().value(), events);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> source(Hit<Map> hit) {
        return (Map<String, Object>) hit.source();
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    private static Map<String, Object> document(IndexedEvent indexed) {
        AuditEvent event = indexed.event();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("tenant_id", event.tenantId());
        document.put("sequence_number", event.sequenceNumber());
        document.put("event_id", event.eventId().toString());
        document.put("ticket_id", event.ticketId() == null ? null : event.ticketId().toString());
        document.put("reference_number", indexed.referenceNumber());
        document.put("occurred_at", event.occurredAt().toString());
        document.put("event_type", event.eventType());
        document.put("action", event.action());
        document.put("from_state", event.fromState());
        document.put("to_state", event.toState());
        document.put("actor_kind", event.actorKind());
        document.put("actor_id", event.actorId());
        document.put("reason", event.reason());
        document.put("process_instance_key", event.processInstanceKey());
        document.put("bpmn_element_id", event.bpmnElementId());
        document.put("payload", event.payload());
        document.put("hash", event.hash());
        return document;
    }

    private void createIfMissing() throws IOException {
        if (exists || client.indices().exists(request -> request.index(NAME)).value()) {
            exists = true;
            return;
        }
        try {
            client.indices().create(index -> index.index(NAME).mappings(mappings -> mappings
                    .properties("tenant_id", property -> property.keyword(keyword -> keyword))
                    .properties("sequence_number", property -> property.long_(number -> number))
                    .properties("event_id", property -> property.keyword(keyword -> keyword))
                    .properties("ticket_id", property -> property.keyword(keyword -> keyword))
                    .properties("reference_number", property -> property.keyword(keyword -> keyword))
                    .properties("occurred_at", property -> property.date(date -> date))
                    .properties("event_type", property -> property.keyword(keyword -> keyword))
                    .properties("action", property -> property.keyword(keyword -> keyword))
                    .properties("from_state", property -> property.keyword(keyword -> keyword))
                    .properties("to_state", property -> property.keyword(keyword -> keyword))
                    .properties("actor_kind", property -> property.keyword(keyword -> keyword))
                    .properties("actor_id", property -> property.keyword(keyword -> keyword))
                    .properties("reason", property -> property.text(text -> text))
                    .properties("process_instance_key", property -> property.long_(number -> number))
                    .properties("bpmn_element_id", property -> property.keyword(keyword -> keyword))
                    .properties("payload", property -> property.text(text -> text))
                    .properties("hash", property -> property.keyword(keyword -> keyword))));
        } catch (OpenSearchException e) {
            // created meanwhile by another instance
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
        exists = true;
    }

    record IndexedEvent(AuditEvent event, String referenceNumber) {
    }

    record AuditSearchPage(long total, List<Map<String, Object>> events) {
    }
}

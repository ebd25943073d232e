package io.tierzero.audit.search;

import io.tierzero.audit.AuditEvent;
import io.tierzero.audit.AuditTrail;
import io.tierzero.audit.search.AuditIndex.IndexedEvent;
import io.tierzero.tenant.TenantRepository;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Copies each tenant's new audit events into the audit index, in order, from a cursor per tenant: the cursor moves
 * only after OpenSearch took the batch, so an unreachable index delays the copy and loses nothing.
 */
@Component
public class AuditIndexer {

    private static final Logger log = LoggerFactory.getLogger(AuditIndexer.class);
    private static final int BATCH = 500;

    private final AuditIndex index;
    private final AuditTrail auditTrail;
    private final TenantRepository tenants;
    private final JdbcClient jdbc;
    private volatile boolean reachable = true;

    public AuditIndexer(AuditIndex index, AuditTrail auditTrail, TenantRepository tenants, JdbcClient jdbc) {
        this.index = index;
        this.auditTrail = auditTrail;
        this.tenants = tenants;
        this.jdbc = jdbc;
    }

    @Scheduled(initialDelayString = "${tierzero.audit.index-interval:PT2S}", fixedDelayString = "${tierzero.audit.index-interval:PT2S}")
    public void indexNewEvents() {
        try {
            for (String tenantId : tenants.ids()) {
                while (indexNextBatch(tenantId) == BATCH) {
                    // a full batch: there may be more
                }
            }
            if (!reachable) {
                log.info("The audit index is reachable again; the copy of the audit trail caught up");
            }
            reachable = true;
        } catch (IOException | OpenSearchException unreachable) {
            if (reachable) {
                log.warn("The audit index cannot be reached; audit events are copied when it is back: {}", unreachable.toString());
            }
            reachable = false;
        }
    }

    int indexNextBatch(String tenantId) throws IOException {
        long cursor = jdbc.sql("select last_sequence from audit_index_cursors where tenant_id = ?").param(tenantId)
                .query(Long.class).optional().orElse(0L);
        List<AuditEvent> events = auditTrail.eventsAfter(tenantId, cursor, BATCH);
        if (events.isEmpty()) {
            return 0;
        }
        index.index(withReferenceNumbers(events));
        AuditEvent last = events.getLast();
        jdbc.sql("""
                        insert into audit_index_cursors (tenant_id, last_sequence, indexed_at) values (?, ?, now())
                        on conflict (tenant_id) do update
                        set last_sequence = greatest(audit_index_cursors.last_sequence, excluded.last_sequence),
                            indexed_at = excluded.indexed_at""")
                .params(tenantId, last.sequenceNumber()).update();
        return events.size();
    }

    /** Each event with its ticket's reference number (DEMO-000042), which is what people search by. */
    private List<IndexedEvent> withReferenceNumbers(List<AuditEvent> events) {
        UUID[] ticketIds = events.stream().map(AuditEvent::ticketId).filter(Objects::nonNull).distinct().toArray(UUID[]::new);
        Map<UUID, String> references = new HashMap<>();
        jdbc.sql("select ticket_id, reference_number from tickets where ticket_id = any(?)").param(ticketIds)
                .query(rs -> {
                    references.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return events.stream().map(event -> new IndexedEvent(event, references.get(event.ticketId()))).toList();
    }
}

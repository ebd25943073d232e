package io.tierzero.audit.search;

import io.tierzero.audit.search.AuditIndex.AuditSearchPage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Searches a tenant's audit trail in the index, and says up to which event of the trail the index reaches. */
@Service
public class AuditSearch {

    private final AuditIndex index;
    private final JdbcClient jdbc;

    public AuditSearch(AuditIndex index, JdbcClient jdbc) {
        this.index = index;
        this.jdbc = jdbc;
    }

    public AuditSearchResult search(AuditQuery query) {
        long chainHead = jdbc.sql("select sequence_number from audit_chain_heads where tenant_id = ?")
                .param(query.tenantId()).query(Long.class).optional().orElse(0L);
        long indexedUpTo = jdbc.sql("select last_sequence from audit_index_cursors where tenant_id = ?")
                .param(query.tenantId()).query(Long.class).optional().orElse(0L);
        try {
            AuditSearchPage page = index.search(query);
            return new AuditSearchResult(page.total(), query.offset(), query.limit(), indexedUpTo, chainHead, page.events());
        } catch (IOException | OpenSearchException unreachable) {
            throw new AuditSearchUnavailableException(unreachable);
        }
    }

    /**
     * A page of matching events, newest first. {@code indexedUpTo} below {@code chainHead}: the newest events are
     * still being copied into the index (within seconds).
     */
    public record AuditSearchResult(long total, int offset, int limit, long indexedUpTo, long chainHead,
                                    List<Map<String, Object>> events) {
    }
}

package io.tierzero.audit;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Recomputes a tenant's audit chain and names the first row that was edited, deleted or reordered. */
@Component
public class AuditChainVerifier {

    private final JdbcClient jdbc;

    public AuditChainVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reads the chain head first and checks the events up to it: events appended while the check runs (messages
     * being sent, lifecycles moving on) belong to a later check, and are not mistaken for a broken end.
     */
    @Transactional(readOnly = true)
    public ChainVerification verify(String tenantId) {
        long recorded = jdbc.sql("select sequence_number from audit_chain_heads where tenant_id = ?")
                .param(tenantId).query(Long.class).optional().orElse(0L);
        var walk = new ChainWalk(tenantId);
        jdbc.sql("select * from ticket_events where tenant_id = ? and sequence_number <= ? order by sequence_number")
                .params(tenantId, recorded)
                .query(rs -> {
                    if (walk.problem.get() == null) {
                        walk.check(AuditTrail.ROW_MAPPER.mapRow(rs, 0));
                    }
                });
        if (walk.problem.get() != null) {
            return walk.problem.get();
        }
        if (recorded != walk.lastSequence) {
            return ChainVerification.broken(tenantId, walk.checked, walk.lastSequence + 1,
                    "the chain head records " + recorded + " events but " + walk.lastSequence + " remain: rows were deleted at the end");
        }
        return ChainVerification.intact(tenantId, walk.checked);
    }

    private static final class ChainWalk {
        private final String tenantId;
        private final AtomicReference<ChainVerification> problem = new AtomicReference<>();
        private long lastSequence;
        private String lastHash = Sha256.GENESIS;
        private long checked;

        ChainWalk(String tenantId) {
            this.tenantId = tenantId;
        }

        void check(AuditEvent event) {
            long expected = lastSequence + 1;
            if (event.sequenceNumber() != expected) {
                fail(expected, "event " + expected + " is missing (deleted)");
            } else if (!event.previousHash().equals(lastHash)) {
                fail(expected, "event " + expected + " does not link to the hash of event " + lastSequence);
            } else if (!Sha256.hex(event.payload()).equals(event.payloadDigest())) {
                fail(expected, "the payload of event " + expected + " was edited");
            } else if (!AuditTrail.sealed(event).hash().equals(event.hash())) {
                fail(expected, "the content of event " + expected + " was edited");
            } else {
                lastSequence = expected;
                lastHash = event.hash();
                checked++;
            }
        }

        private void fail(long sequence, String why) {
            problem.set(ChainVerification.broken(tenantId, checked, sequence, why));
        }
    }
}

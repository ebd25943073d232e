package io.tierzero.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained audit trail (ISO 20000 evidence). Appends are serialised per tenant by
 * locking the tenant's chain head, so the chain never forks.
 */
@Repository
public class AuditTrail {

    private static final ObjectMapper CANONICAL_JSON = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .findAndAddModules()
            .build();

    static final RowMapper<AuditEvent> ROW_MAPPER = (rs, n) -> new AuditEvent(
            rs.getString("tenant_id"), rs.getLong("sequence_number"), rs.getObject("event_id", UUID.class),
            rs.getObject("ticket_id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
            rs.getString("event_type"), rs.getString("action"), rs.getString("from_state"), rs.getString("to_state"),
            rs.getString("actor_kind"), rs.getString("actor_id"), rs.getString("reason"),
            rs.getObject("process_instance_key", Long.class), rs.getString("bpmn_element_id"),
            rs.getString("idempotency_key"), rs.getString("payload"), rs.getString("payload_digest"),
            rs.getString("previous_hash"), rs.getString("hash"));

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends the entry unless an entry with the same idempotency key exists; returns the stored event. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEvent append(AuditEntry entry) {
        jdbc.sql("insert into audit_chain_heads (tenant_id, sequence_number, hash) values (?, 0, ?) on conflict do nothing")
                .params(entry.tenantId(), Sha256.GENESIS).update();
        ChainHead head = jdbc.sql("select sequence_number, hash from audit_chain_heads where tenant_id = ? for update")
                .param(entry.tenantId())
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
                .single();
        if (entry.idempotencyKey() != null) {
            Optional<AuditEvent> existing = jdbc.sql("select * from ticket_events where tenant_id = ? and idempotency_key = ?")
                    .params(entry.tenantId(), entry.idempotencyKey()).query(ROW_MAPPER).optional();
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        String payload = canonicalJson(entry.payload() == null ? Map.of() : entry.payload());
        AuditEvent unsealed = new AuditEvent(entry.tenantId(), head.sequenceNumber() + 1, UUID.randomUUID(),
                entry.ticketId(), Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
                entry.isStateTransition() ? "state_transition" : "action", entry.action(),
                entry.fromState(), entry.toState(), entry.actor().kind().dbValue(), entry.actor().id(), entry.reason(),
                entry.processInstanceKey(), entry.bpmnElementId(), entry.idempotencyKey(), payload,
                Sha256.hex(payload), head.hash(), null);
        AuditEvent event = sealed(unsealed);
        jdbc.sql("""
                insert into ticket_events (tenant_id, sequence_number, event_id, ticket_id, occurred_at, event_type, action,
                    from_state, to_state, actor_kind, actor_id, reason, process_instance_key, bpmn_element_id,
                    idempotency_key, payload, payload_digest, previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.tenantId(), event.sequenceNumber(), event.eventId(), event.ticketId(),
                        Timestamp.from(event.occurredAt()), event.eventType(), event.action(), event.fromState(),
                        event.toState(), event.actorKind(), event.actorId(), event.reason(), event.processInstanceKey(),
                        event.bpmnElementId(), event.idempotencyKey(), event.payload(), event.payloadDigest(),
                        event.previousHash(), event.hash())
                .update();
        jdbc.sql("update audit_chain_heads set sequence_number = ?, hash = ? where tenant_id = ?")
                .params(event.sequenceNumber(), event.hash(), event.tenantId()).update();
        return event;
    }

    public boolean contains(String tenantId, String idempotencyKey) {
        return jdbc.sql("select exists (select 1 from ticket_events where tenant_id = ? and idempotency_key = ?)")
                .params(tenantId, idempotencyKey).query(Boolean.class).single();
    }

    public List<AuditEvent> historyOf(UUID ticketId) {
        return jdbc.sql("select * from ticket_events where ticket_id = ? order by sequence_number")
                .param(ticketId).query(ROW_MAPPER).list();
    }

    /** A tenant's events after a sequence number, oldest first. */
    public List<AuditEvent> eventsAfter(String tenantId, long sequenceNumber, int limit) {
        return jdbc.sql("select * from ticket_events where tenant_id = ? and sequence_number > ? order by sequence_number limit ?")
                .params(tenantId, sequenceNumber, limit).query(ROW_MAPPER).list();
    }

    /** A tenant's events of a period whose action starts with the prefix, oldest first. */
    public List<AuditEvent> eventsBetween(String tenantId, Instant from, Instant to, String actionPrefix) {
        return jdbc.sql("""
                        select * from ticket_events where tenant_id = ? and occurred_at >= ? and occurred_at < ?
                        and starts_with(action, ?) order by sequence_number""")
                .params(tenantId, Timestamp.from(from), Timestamp.from(to), actionPrefix).query(ROW_MAPPER).list();
    }

    /**
     * A random sample of a tenant's events of a period, in trail order. The seed makes it reproducible: the same
     * seed draws the same events, so an auditor can ask for the sample again.
     */
    public List<AuditEvent> sampleBetween(String tenantId, Instant from, Instant to, String seed, int size) {
        return jdbc.sql("""
                        select * from (select * from ticket_events where tenant_id = ? and occurred_at >= ? and occurred_at < ?
                                       order by md5(event_id::text || ?) limit ?) sample
                        order by sequence_number""")
                .params(tenantId, Timestamp.from(from), Timestamp.from(to), seed, size).query(ROW_MAPPER).list();
    }

    static AuditEvent sealed(AuditEvent event) {
        return new AuditEvent(event.tenantId(), event.sequenceNumber(), event.eventId(), event.ticketId(),
                event.occurredAt(), event.eventType(), event.action(), event.fromState(), event.toState(),
                event.actorKind(), event.actorId(), event.reason(), event.processInstanceKey(), event.bpmnElementId(),
                event.idempotencyKey(), event.payload(), event.payloadDigest(), event.previousHash(),
                Sha256.hex(event.canonicalContent()));
    }

    static String canonicalJson(Map<String, ?> payload) {
        try {
            return CANONICAL_JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit payload is not serialisable as JSON", e);
        }
    }

    private record ChainHead(long sequenceNumber, String hash) {
    }
}

package io.tierzero.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TicketRepository {

    private static final TypeReference<List<ExtractedEntity>> ENTITY_LIST = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public TicketRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(Ticket t) {
        jdbc.sql("""
                insert into tickets (tenant_id, ticket_id, reference_number, kind, channel, requester_id, requester_name,
                    requester_email, region, subject, body, entities, ticket_type, category, impact, urgency, state,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.tenantId(), t.ticketId(), t.referenceNumber(), t.kind().value(), t.channel().value(),
                        t.requesterId(), t.requesterName(), t.requesterEmail(), t.region().value(), t.subject(),
                        t.body(), toJson(t.entities()), t.ticketType(), t.category(), t.impact().value(),
                        t.urgency().value(), t.state().value(), Timestamp.from(t.createdAt()),
                        Timestamp.from(t.updatedAt()))
                .update();
    }

    public Optional<Ticket> find(String tenantId, UUID ticketId) {
        return jdbc.sql("select * from tickets where tenant_id = ? and ticket_id = ?")
                .params(tenantId, ticketId).query(this::map).optional();
    }

    /** The ticket with this reference number (unique across tenants: it starts with the tenant's id). */
    public Optional<Ticket> findByReferenceNumber(String referenceNumber) {
        return jdbc.sql("select * from tickets where reference_number = ?")
                .param(referenceNumber).query(this::map).optional();
    }

    /** A requester's tickets in a tenant, newest first. */
    public List<Ticket> ofRequester(String tenantId, String requesterId, int limit) {
        return jdbc.sql("select * from tickets where tenant_id = ? and requester_id = ? order by created_at desc limit ?")
                .params(tenantId, requesterId, limit).query(this::map).list();
    }

    public Ticket get(UUID ticketId) {
        return jdbc.sql("select * from tickets where ticket_id = ?").param(ticketId).query(this::map).optional()
                .orElseThrow(() -> new TicketNotFoundException(ticketId));
    }

    /** Reads the ticket and locks its row until the transaction ends, so concurrent steps apply in turn. */
    public Ticket lock(UUID ticketId) {
        return jdbc.sql("select * from tickets where ticket_id = ? for update").param(ticketId).query(this::map)
                .optional().orElseThrow(() -> new TicketNotFoundException(ticketId));
    }

    /** Sets the given columns (names come from code, never from input) and bumps the version. */
    public void update(UUID ticketId, Map<String, ?> columns) {
        String assignments = columns.keySet().stream().map(c -> c + " = ?").collect(Collectors.joining(", "));
        List<Object> values = columns.values().stream().map(TicketRepository::toSql).collect(Collectors.toList());
        values.add(ticketId);
        jdbc.sql("update tickets set " + assignments + ", version = version + 1, updated_at = now() where ticket_id = ?")
                .params(values).update();
    }

    public List<Ticket> openTickets() {
        return jdbc.sql("select * from tickets where state <> 'closed' order by created_at").query(this::map).list();
    }

    public List<Ticket> awaitingProcessStart(Instant createdBefore) {
        return jdbc.sql("select * from tickets where process_instance_key is null and state <> 'closed' and created_at < ? order by created_at")
                .param(Timestamp.from(createdBefore)).query(this::map).list();
    }

    private static Object toSql(Object value) {
        return switch (value) {
            case Instant instant -> Timestamp.from(instant);
            case TicketState state -> state.value();
            case null -> null;
            default -> value;
        };
    }

    private Ticket map(ResultSet rs, int row) throws SQLException {
        return new Ticket(
                rs.getString("tenant_id"), rs.getObject("ticket_id", UUID.class), rs.getString("reference_number"),
                TicketKind.valueOf(rs.getString("kind").toUpperCase()), Channel.valueOf(rs.getString("channel").toUpperCase()),
                rs.getString("requester_id"), rs.getString("requester_name"), rs.getString("requester_email"),
                Region.valueOf(rs.getString("region").toUpperCase()), rs.getString("subject"), rs.getString("body"),
                fromJson(rs.getString("entities")), rs.getString("ticket_type"), rs.getString("category"),
                rs.getBigDecimal("category_confidence"), Level.valueOf(rs.getString("impact").toUpperCase()),
                Level.valueOf(rs.getString("urgency").toUpperCase()), rs.getString("priority"),
                rs.getString("assignment_group"), rs.getString("support_centre"), rs.getInt("support_tier"),
                TicketState.of(rs.getString("state")), rs.getInt("reopen_count"), instant(rs, "response_due_at"),
                instant(rs, "resolution_due_at"), instant(rs, "sla_warning_at"), instant(rs, "sla_paused_at"),
                instant(rs, "sla_warned_at"), rs.getBoolean("sla_breached"), instant(rs, "shift_ends_at"), rs.getObject("process_instance_key", Long.class),
                rs.getString("process_element_id"), rs.getInt("process_generation"), rs.getInt("version"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "resolved_at"), instant(rs, "closed_at"),
                rs.getString("runbook_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private String toJson(List<ExtractedEntity> entities) {
        try {
            return json.writeValueAsString(entities == null ? List.of() : entities);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<ExtractedEntity> fromJson(String text) {
        try {
            return json.readValue(text, ENTITY_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tickets.entities holds invalid JSON", e);
        }
    }
}

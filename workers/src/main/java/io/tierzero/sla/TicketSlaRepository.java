package io.tierzero.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the SLA columns of tickets; they are written through the ticket lifecycle like every ticket change. */
@Repository
public class TicketSlaRepository {

    private final JdbcClient jdbc;

    public TicketSlaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TicketSla> find(String tenantId, UUID ticketId) {
        return jdbc.sql("select * from tickets where tenant_id = ? and ticket_id = ?").params(tenantId, ticketId)
                .query(TicketSlaRepository::map).optional();
    }

    public TicketSla get(UUID ticketId) {
        return jdbc.sql("select * from tickets where ticket_id = ?").param(ticketId).query(TicketSlaRepository::map).single();
    }

    private static TicketSla map(ResultSet rs, int row) throws SQLException {
        return new TicketSla(rs.getString("tenant_id"), rs.getObject("ticket_id", UUID.class), rs.getString("priority"),
                rs.getString("sla_clock"), rs.getString("sla_calendar"), instant(rs, "sla_started_at"),
                rs.getObject("response_target_minutes", Integer.class), rs.getObject("resolution_target_minutes", Integer.class),
                instant(rs, "response_due_at"), instant(rs, "sla_warning_at"), instant(rs, "resolution_due_at"),
                instant(rs, "sla_paused_at"), Duration.ofSeconds(rs.getLong("sla_paused_seconds")),
                seconds(rs, "response_remaining_seconds"), seconds(rs, "warning_remaining_seconds"),
                seconds(rs, "resolution_remaining_seconds"), instant(rs, "sla_warned_at"), rs.getBoolean("sla_breached"),
                instant(rs, "responded_at"), rs.getObject("response_met", Boolean.class), instant(rs, "first_resolved_at"),
                rs.getObject("resolution_met", Boolean.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Duration seconds(ResultSet rs, String column) throws SQLException {
        Long seconds = rs.getObject(column, Long.class);
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }
}

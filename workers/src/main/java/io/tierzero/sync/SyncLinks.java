package io.tierzero.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.TicketField;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SyncLinks {

    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public SyncLinks(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<SyncLink> ofTicket(String tenantId, String connectionId, UUID ticketId) {
        return jdbc.sql("select * from sync_links where tenant_id = ? and connection_id = ? and ticket_id = ?")
                .params(tenantId, connectionId, ticketId).query(this::link).optional();
    }

    public Optional<SyncLink> ofExternal(String tenantId, String connectionId, String externalId) {
        return jdbc.sql("select * from sync_links where tenant_id = ? and connection_id = ? and external_id = ?")
                .params(tenantId, connectionId, externalId).query(this::link).optional();
    }

    public List<SyncLink> all(String tenantId, String connectionId) {
        return jdbc.sql("select * from sync_links where tenant_id = ? and connection_id = ? order by linked_at")
                .params(tenantId, connectionId).query(this::link).list();
    }

    /** Inserts the link, or records the latest agreed state of an existing one. */
    public void save(SyncLink link) {
        jdbc.sql("""
                        insert into sync_links (tenant_id, connection_id, ticket_id, external_id, external_version,
                                                external_updated_at, synced_values)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, connection_id, ticket_id) do update
                        set external_id = excluded.external_id, external_version = excluded.external_version,
                            external_updated_at = excluded.external_updated_at, synced_values = excluded.synced_values,
                            synced_at = now()""")
                .params(link.tenantId(), link.connectionId(), link.ticketId(), link.externalId(), link.externalVersion(),
                        link.externalUpdatedAt() == null ? null : Timestamp.from(link.externalUpdatedAt()),
                        write(link.syncedValues()))
                .update();
    }

    public void delete(SyncLink link) {
        jdbc.sql("delete from sync_links where tenant_id = ? and connection_id = ? and ticket_id = ?")
                .params(link.tenantId(), link.connectionId(), link.ticketId()).update();
    }

    private SyncLink link(ResultSet rs, int row) throws SQLException {
        Timestamp updated = rs.getTimestamp("external_updated_at");
        return new SyncLink(rs.getString("tenant_id"), rs.getString("connection_id"), rs.getObject("ticket_id", UUID.class),
                rs.getString("external_id"), rs.getString("external_version"),
                updated == null ? null : updated.toInstant(), read(rs.getString("synced_values")));
    }

    private String write(Map<TicketField, String> values) {
        try {
            var byName = new TreeMap<String, String>();
            values.forEach((field, value) -> byName.put(field.name(), value));
            return json.writeValueAsString(byName);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<TicketField, String> read(String values) {
        try {
            Map<TicketField, String> read = new EnumMap<>(TicketField.class);
            json.readValue(values, VALUES).forEach((field, value) -> read.put(TicketField.valueOf(field), value));
            return read;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

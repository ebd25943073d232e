package io.tierzero.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.MonitoringAlert;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables monitoring_incidents and monitoring_alerts. */
@Repository
class AlertStore {

    /** An incident is open until its ticket is resolved; one whose ticket is not stored yet is open. */
    private static final String OPEN = "(g.ticket_id is null or t.state not in ('resolved', 'closed'))";
    private static final String GROUPS = "select g.* from monitoring_incidents g left join tickets t on t.ticket_id = g.ticket_id ";
    private static final String CONTAINS_OR_OPENED_BY = """
            (g.opened_by_source = :source and g.opened_by_fingerprint = :fingerprint
             or exists (select 1 from monitoring_alerts a where a.incident_id = g.incident_id
                        and a.source = :source and a.fingerprint = :fingerprint))""";
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AlertStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Serialises the handling of alerts of one fingerprint and of one configuration item until the transaction
     * ends: concurrent deliveries of the same alert, or of a storm on one host, are applied in turn.
     */
    void lock(MonitoringAlert alert) {
        Stream.of("alert:" + alert.tenantId() + ":" + alert.source() + ":" + alert.fingerprint(),
                        alert.configurationItem() == null ? null : "item:" + alert.tenantId() + ":" + alert.configurationItem())
                .filter(key -> key != null)
                .sorted()
                .forEach(key -> jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(key)
                        .query((rs, n) -> 1).list());
    }

    Optional<AlertGroup> openGroupOf(MonitoringAlert alert) {
        return jdbc.sql(GROUPS + "where g.tenant_id = :tenant and " + OPEN + " and " + CONTAINS_OR_OPENED_BY
                        + " order by g.opened_at desc limit 1")
                .param("tenant", alert.tenantId()).param("source", alert.source())
                .param("fingerprint", alert.fingerprint())
                .query(AlertStore::group).optional();
    }

    Optional<AlertGroup> latestGroupOf(MonitoringAlert alert) {
        return jdbc.sql(GROUPS + "where g.tenant_id = :tenant and " + CONTAINS_OR_OPENED_BY + " order by g.opened_at desc limit 1")
                .param("tenant", alert.tenantId()).param("source", alert.source())
                .param("fingerprint", alert.fingerprint())
                .query(AlertStore::group).optional();
    }

    Optional<AlertGroup> groupByIntakeKey(String tenantId, String intakeKey) {
        return jdbc.sql(GROUPS + "where g.tenant_id = ? and g.intake_key = ?").params(tenantId, intakeKey)
                .query(AlertStore::group).optional();
    }

    /** The open incident on the configuration item opened most recently since the given time. */
    Optional<AlertGroup> openGroupOnItemSince(String tenantId, String configurationItem, Instant since) {
        return jdbc.sql(GROUPS + "where g.tenant_id = ? and g.configuration_item = ? and g.opened_at >= ? and " + OPEN
                        + " order by g.opened_at desc limit 1")
                .params(tenantId, configurationItem, Timestamp.from(since))
                .query(AlertStore::group).optional();
    }

    AlertGroup group(UUID incidentId) {
        return jdbc.sql(GROUPS + "where g.incident_id = ?").param(incidentId).query(AlertStore::group).single();
    }

    Optional<AlertGroup> groupOfTicket(String tenantId, UUID ticketId) {
        return jdbc.sql(GROUPS + "where g.tenant_id = ? and g.ticket_id = ?").params(tenantId, ticketId)
                .query(AlertStore::group).optional();
    }

    void insertGroup(AlertGroup group) {
        jdbc.sql("""
                        insert into monitoring_incidents (incident_id, tenant_id, configuration_item, opened_by_source,
                            opened_by_fingerprint, intake_key, intake_request, previous_ticket_id, opened_at)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(group.incidentId(), group.tenantId(), group.configurationItem(), group.openedBySource(),
                        group.openedByFingerprint(), group.intakeKey(), group.intakeRequest(), group.previousTicketId(),
                        Timestamp.from(group.openedAt()))
                .update();
    }

    void attachTicket(UUID incidentId, UUID ticketId) {
        jdbc.sql("update monitoring_incidents set ticket_id = ? where incident_id = ? and ticket_id is null")
                .params(ticketId, incidentId).update();
    }

    void countNewAlert(UUID incidentId, boolean firing) {
        jdbc.sql("update monitoring_incidents set alert_count = alert_count + 1"
                        + (firing ? ", all_resolved_at = null" : "") + " where incident_id = ?")
                .param(incidentId).update();
    }

    void firingAgain(UUID incidentId) {
        jdbc.sql("update monitoring_incidents set all_resolved_at = null where incident_id = ?").param(incidentId).update();
    }

    /** Marks every alert of the incident resolved, once: false if one still fires or it was marked before. */
    boolean markAllResolved(UUID incidentId, Instant at) {
        return jdbc.sql("""
                        update monitoring_incidents g set all_resolved_at = ?
                        where g.incident_id = ? and g.all_resolved_at is null
                          and not exists (select 1 from monitoring_alerts a where a.incident_id = g.incident_id
                                          and a.status = 'firing')""")
                .params(Timestamp.from(at), incidentId).update() == 1;
    }

    Optional<StoredAlert> alert(MonitoringAlert alert, UUID incidentId) {
        return jdbc.sql("select * from monitoring_alerts where tenant_id = ? and source = ? and fingerprint = ? and incident_id = ?")
                .params(alert.tenantId(), alert.source(), alert.fingerprint(), incidentId)
                .query((rs, n) -> new StoredAlert(rs.getObject("alert_id", UUID.class), rs.getString("status"),
                        rs.getString("severity"), rs.getInt("repeat_count"), instant(rs, "repeat_recorded_at")))
                .optional();
    }

    void insertAlert(MonitoringAlert alert, UUID incidentId, boolean openedIncident, Instant now) {
        jdbc.sql("""
                        insert into monitoring_alerts (alert_id, tenant_id, incident_id, source, fingerprint, status,
                            alert_name, severity, summary, description, configuration_item, labels, starts_at, ends_at,
                            source_url, opened_incident, first_seen_at, last_seen_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), alert.tenantId(), incidentId, alert.source(), alert.fingerprint(),
                        lower(alert.status()), alert.alertName(), lower(alert.severity()), alert.summary(),
                        alert.description(), alert.configurationItem(), labels(alert.labels()),
                        timestamp(alert.startsAt()), timestamp(alert.endsAt()), alert.sourceUrl(), openedIncident,
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    void recordRepeat(UUID alertId, MonitoringAlert alert, Instant now, boolean writtenToHistory) {
        jdbc.sql("""
                        update monitoring_alerts set status = 'firing', severity = ?, summary = ?, description = ?,
                            labels = ?::jsonb, ends_at = null, source_url = coalesce(?, source_url),
                            repeat_count = repeat_count + 1, last_seen_at = ?,
                            repeat_recorded_at = case when ? then ? else repeat_recorded_at end
                        where alert_id = ?""")
                .params(lower(alert.severity()), alert.summary(), alert.description(), labels(alert.labels()),
                        alert.sourceUrl(), Timestamp.from(now), writtenToHistory, Timestamp.from(now), alertId)
                .update();
    }

    void recordResolved(UUID alertId, MonitoringAlert alert, Instant now) {
        jdbc.sql("update monitoring_alerts set status = 'resolved', ends_at = ?, last_seen_at = ? where alert_id = ?")
                .params(timestamp(alert.endsAt() != null ? alert.endsAt() : now), Timestamp.from(now), alertId)
                .update();
    }

    List<AlertView> alertsOf(UUID incidentId) {
        return jdbc.sql(VIEWS + "where a.incident_id = ? order by a.first_seen_at, a.alert_id")
                .param(incidentId).query(this::view).list();
    }

    /** The tenant's alerts in a state (all when null), most recently seen first. */
    List<AlertView> alerts(String tenantId, String status, int limit) {
        return jdbc.sql(VIEWS + "where a.tenant_id = ? and (cast(? as text) is null or a.status = ?) "
                        + "order by a.last_seen_at desc, a.alert_id limit ?")
                .params(tenantId, status, status, limit).query(this::view).list();
    }

    private static final String VIEWS = """
            select a.*, g.ticket_id, t.reference_number from monitoring_alerts a
            join monitoring_incidents g on g.incident_id = a.incident_id
            left join tickets t on t.ticket_id = g.ticket_id
            """;

    private AlertView view(ResultSet rs, int n) throws SQLException {
        try {
            return new AlertView(rs.getString("source"), rs.getString("fingerprint"), rs.getString("status"),
                    rs.getString("alert_name"), rs.getString("severity"), rs.getString("summary"),
                    rs.getString("description"), rs.getString("configuration_item"),
                    json.readValue(rs.getString("labels"), LABELS), instant(rs, "starts_at"), instant(rs, "ends_at"),
                    rs.getString("source_url"), rs.getBoolean("opened_incident"), rs.getInt("repeat_count"),
                    instant(rs, "first_seen_at"), instant(rs, "last_seen_at"), rs.getObject("ticket_id", UUID.class),
                    rs.getString("reference_number"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("monitoring_alerts.labels is not a JSON object", e);
        }
    }

    private static AlertGroup group(ResultSet rs, int n) throws SQLException {
        return new AlertGroup(rs.getObject("incident_id", UUID.class), rs.getString("tenant_id"),
                rs.getObject("ticket_id", UUID.class), rs.getString("configuration_item"),
                rs.getString("opened_by_source"), rs.getString("opened_by_fingerprint"), rs.getString("intake_key"),
                rs.getString("intake_request"), rs.getObject("previous_ticket_id", UUID.class),
                rs.getInt("alert_count"), instant(rs, "all_resolved_at"), instant(rs, "opened_at"));
    }

    private String labels(Map<String, String> labels) {
        try {
            return json.writeValueAsString(labels);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("labels are not serialisable", e);
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** What the handling of a repeat or resolution needs of an alert already on the incident. */
    record StoredAlert(UUID alertId, String status, String severity, int repeatCount, Instant repeatRecordedAt) {

        boolean firing() {
            return status.equals("firing");
        }
    }
}

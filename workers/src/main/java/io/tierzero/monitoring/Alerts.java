package io.tierzero.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.audit.Actor;
import io.tierzero.audit.ActorKind;
import io.tierzero.audit.AuditEntry;
import io.tierzero.audit.AuditTrail;
import io.tierzero.integration.AlertIntake;
import io.tierzero.integration.AlertOutcome;
import io.tierzero.integration.AlertOutcome.Action;
import io.tierzero.integration.MonitoringAlert;
import io.tierzero.integration.MonitoringAlert.Status;
import io.tierzero.intake.IntakeService;
import io.tierzero.intake.NewRequest;
import io.tierzero.intake.SubmittedRequest;
import io.tierzero.tenant.TenantRepository;
import io.tierzero.ticket.Channel;
import io.tierzero.ticket.ExtractedEntity;
import io.tierzero.ticket.Level;
import io.tierzero.ticket.TicketKind;
import io.tierzero.ticket.TicketRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monitoring alerts to incidents. An alert is known by (tenant, source, fingerprint):
 * <ul>
 * <li>the first firing opens an incident through intake (kind incident, channel monitoring);</li>
 * <li>a firing alert already on an open incident is a repeat: counted, and written to the incident's history when it
 * fires again after resolving, changes severity, or was last written more than the repeat interval ago;</li>
 * <li>a new alert on the configuration item of an open incident opened within the storm window joins it;</li>
 * <li>a resolved alert annotates its incident, and the resolution of the last firing one says so: the incident
 * itself is resolved by its lifecycle, not here;</li>
 * <li>a firing alert whose incident was resolved or closed opens a new one that names the old one.</li>
 * </ul>
 * Each alert is decided in two short transactions around the intake of a new incident's ticket (which starts the
 * ticket's lifecycle once committed); both hold the alert's and its configuration item's locks, and the pending
 * incident row lets a redelivery finish what a crash interrupted.
 */
@Service
public class Alerts implements AlertIntake {

    private final TenantRepository tenants;
    private final TicketRepository tickets;
    private final IntakeService intake;
    private final AuditTrail auditTrail;
    private final AlertStore store;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;
    private final MonitoringProperties properties;

    public Alerts(TenantRepository tenants, TicketRepository tickets, IntakeService intake, AuditTrail auditTrail,
                  AlertStore store, TransactionTemplate transaction, ObjectMapper json, Clock clock,
                  MonitoringProperties properties) {
        this.tenants = tenants;
        this.tickets = tickets;
        this.intake = intake;
        this.auditTrail = auditTrail;
        this.store = store;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public boolean knowsTenant(String tenantId) {
        return tenants.find(tenantId).isPresent();
    }

    @Override
    public AlertOutcome received(MonitoringAlert alert) {
        tenants.get(alert.tenantId());
        Optional<AlertGroup> group = transaction.execute(status -> {
            store.lock(alert);
            return alert.status() == Status.FIRING ? groupForFiring(alert) : store.latestGroupOf(alert);
        });
        if (group.isEmpty()) {
            return new AlertOutcome(alert.fingerprint(), Action.IGNORED, null, null);
        }
        AlertGroup stored = withTicket(group.get());
        return transaction.execute(status -> {
            store.lock(alert);
            return apply(alert, store.group(stored.incidentId()));
        });
    }

    /** The open incident the alert is on, else its earlier delivery's, else its storm's, else a new one. */
    private Optional<AlertGroup> groupForFiring(MonitoringAlert alert) {
        Instant now = now();
        String intakeKey = intakeKey(alert, now);
        Optional<AlertGroup> existing = store.openGroupOf(alert)
                .or(() -> store.groupByIntakeKey(alert.tenantId(), intakeKey))
                .or(() -> alert.configurationItem() == null ? Optional.empty()
                        : store.openGroupOnItemSince(alert.tenantId(), alert.configurationItem(),
                        now.minus(properties.stormWindow())));
        if (existing.isPresent()) {
            return existing;
        }
        UUID previousTicket = store.latestGroupOf(alert).map(AlertGroup::ticketId).orElse(null);
        AlertGroup opened = new AlertGroup(UUID.randomUUID(), alert.tenantId(), null, alert.configurationItem(),
                alert.source(), alert.fingerprint(), intakeKey, requestJson(newIncident(alert, previousTicket, now)),
                previousTicket, 0, null, now);
        store.insertGroup(opened);
        return Optional.of(opened);
    }

    /** Has intake store the incident's ticket unless it has one; the same key and request return the same ticket. */
    private AlertGroup withTicket(AlertGroup group) {
        if (group.ticketId() != null) {
            return group;
        }
        SubmittedRequest submitted = intake.submit(group.tenantId(), group.intakeKey(), request(group.intakeRequest()));
        store.attachTicket(group.incidentId(), submitted.ticketId());
        return group.withTicket(submitted.ticketId());
    }

    private AlertOutcome apply(MonitoringAlert alert, AlertGroup group) {
        Instant now = now();
        Optional<AlertStore.StoredAlert> stored = store.alert(alert, group.incidentId());
        // the ticket before the audit chain, in the order of the lifecycle's steps, or the two wait on each other
        String reference = tickets.lock(group.ticketId()).referenceNumber();
        boolean firing = alert.status() == Status.FIRING;
        if (stored.isEmpty()) {
            boolean opener = group.openedBy(alert.source(), alert.fingerprint());
            store.insertAlert(alert, group.incidentId(), opener, now);
            store.countNewAlert(group.incidentId(), firing);
            if (!opener) {
                record(alert, group, "monitoring.alert-correlated", "Alert " + describe(alert)
                        + " joined this incident: another alert on the same configuration item opened it "
                        + "less than " + properties.stormWindow().toMinutes() + " minutes earlier",
                        Map.of("alertCount", group.alertCount() + 1));
            }
            if (!firing) {
                resolved(alert, store.alert(alert, group.incidentId()).orElseThrow(), group, now);
                return outcome(alert, Action.RESOLVED_ANNOTATED, group, reference);
            }
            return outcome(alert, opener ? Action.OPENED : Action.CORRELATED, group, reference);
        }
        AlertStore.StoredAlert known = stored.get();
        if (firing) {
            repeated(alert, known, group, now);
            return outcome(alert, Action.UPDATED, group, reference);
        }
        if (!known.firing()) {
            return outcome(alert, Action.IGNORED, group, reference);
        }
        resolved(alert, known, group, now);
        return outcome(alert, Action.RESOLVED_ANNOTATED, group, reference);
    }

    private void repeated(MonitoringAlert alert, AlertStore.StoredAlert known, AlertGroup group, Instant now) {
        boolean firesAgain = !known.firing();
        String severity = alert.severity().name().toLowerCase(Locale.ROOT);
        boolean severityChanged = !known.severity().equals(severity);
        boolean due = known.repeatRecordedAt() == null
                || !known.repeatRecordedAt().plus(properties.repeatRecordInterval()).isAfter(now);
        boolean written = firesAgain || severityChanged || due;
        store.recordRepeat(known.alertId(), alert, now, written);
        if (firesAgain) {
            store.firingAgain(group.incidentId());
        }
        if (written) {
            String why = firesAgain ? "fires again after it resolved"
                    : severityChanged ? "is now " + severity + " (was " + known.severity() + ")"
                    : "is still firing";
            record(alert, group, "monitoring.alert-repeated", "Alert " + describe(alert) + " " + why,
                    Map.of("repeatCount", known.repeatCount() + 1, "severity", severity));
        }
    }

    private void resolved(MonitoringAlert alert, AlertStore.StoredAlert known, AlertGroup group, Instant now) {
        store.recordResolved(known.alertId(), alert, now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("endsAt", (alert.endsAt() != null ? alert.endsAt() : now).toString());
        record(alert, group, "monitoring.alert-resolved", "Alert " + describe(alert) + " resolved", details);
        if (store.markAllResolved(group.incidentId(), now)) {
            AlertGroup current = store.group(group.incidentId());
            auditTrail.append(new AuditEntry(group.tenantId(), group.ticketId(), "monitoring.all-alerts-resolved", null,
                    null, new Actor(ActorKind.INTEGRATION, alert.source()),
                    "Every alert of this incident has resolved (" + current.alertCount() + ")", null, null, null,
                    Map.of("alertCount", current.alertCount())));
        }
    }

    private void record(MonitoringAlert alert, AlertGroup group, String action, String reason, Map<String, ?> details) {
        Map<String, Object> payload = new TreeMap<>(details);
        payload.put("source", alert.source());
        payload.put("fingerprint", alert.fingerprint());
        payload.put("alertName", alert.alertName());
        if (alert.configurationItem() != null) {
            payload.put("configurationItem", alert.configurationItem());
        }
        auditTrail.append(new AuditEntry(group.tenantId(), group.ticketId(), action, null, null,
                new Actor(ActorKind.INTEGRATION, alert.source()), reason, null, null, null, payload));
    }

    private NewRequest newIncident(MonitoringAlert alert, UUID previousTicket, Instant receivedAt) {
        Level level = switch (alert.severity()) {
            case CRITICAL -> Level.HIGH;
            case WARNING -> Level.MEDIUM;
            case INFO -> Level.LOW;
        };
        List<ExtractedEntity> entities = alert.configurationItem() == null ? List.of()
                : List.of(new ExtractedEntity("host", alert.configurationItem(), 1.0));
        // one reference per alert episode: ticket_external_refs takes each (system, id) once, and a flapping alert
        // opens an incident per episode
        String episode = alert.fingerprint() + "@" + (alert.startsAt() != null ? alert.startsAt() : receivedAt);
        return new NewRequest(TicketKind.INCIDENT, Channel.MONITORING,
                new NewRequest.Requester(alert.source(), sourceName(alert.source()), null), null,
                truncate(alert.alertName() + (alert.configurationItem() == null ? "" : " on " + alert.configurationItem()), 255),
                truncate(body(alert, previousTicket), 20_000), level, level, null, entities,
                Map.of(alert.source(), episode));
    }

    private String body(MonitoringAlert alert, UUID previousTicket) {
        StringBuilder body = new StringBuilder();
        if (alert.summary() != null) {
            body.append(alert.summary()).append("\n\n");
        }
        if (alert.description() != null) {
            body.append(alert.description()).append("\n\n");
        }
        body.append("Alert: ").append(alert.alertName()).append('\n')
                .append("Severity: ").append(alert.severity().name().toLowerCase(Locale.ROOT)).append('\n');
        if (alert.configurationItem() != null) {
            body.append("Configuration item: ").append(alert.configurationItem()).append('\n');
        }
        body.append("Source: ").append(sourceName(alert.source())).append(", fingerprint ").append(alert.fingerprint()).append('\n');
        if (alert.startsAt() != null) {
            body.append("Firing since: ").append(alert.startsAt()).append('\n');
        }
        if (alert.sourceUrl() != null) {
            body.append("Link: ").append(alert.sourceUrl()).append('\n');
        }
        if (!alert.labels().isEmpty()) {
            body.append("Labels:\n");
            new TreeMap<>(alert.labels()).forEach((name, value) -> body.append("  ").append(name).append(": ").append(value).append('\n'));
        }
        if (previousTicket != null) {
            tickets.find(alert.tenantId(), previousTicket).ifPresent(previous -> body.append("\nThis alert fired before: ")
                    .append("incident ").append(previous.referenceNumber()).append(" (").append(previous.state().value())
                    .append(", ticket ").append(previous.ticketId()).append(").\n"));
        }
        return body.toString().strip();
    }

    private static String sourceName(String source) {
        return switch (source) {
            case "alertmanager" -> "Prometheus Alertmanager";
            case "zabbix" -> "Zabbix";
            case "datadog" -> "Datadog";
            default -> source;
        };
    }

    /** The key of one alert episode: a redelivered webhook finds the incident its first delivery opened. */
    private static String intakeKey(MonitoringAlert alert, Instant receivedAt) {
        Instant episodeStart = alert.startsAt() != null ? alert.startsAt() : receivedAt;
        String identity = String.join("\n", alert.tenantId(), alert.source(), alert.fingerprint(), episodeStart.toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "monitoring-alert:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String describe(MonitoringAlert alert) {
        return alert.alertName() + (alert.configurationItem() == null ? "" : " on " + alert.configurationItem())
                + " (" + alert.source() + " " + alert.fingerprint() + ")";
    }

    private static AlertOutcome outcome(MonitoringAlert alert, Action action, AlertGroup group, String reference) {
        return new AlertOutcome(alert.fingerprint(), action, group.ticketId(), reference);
    }

    private String requestJson(NewRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an incident request", e);
        }
    }

    private NewRequest request(String requestJson) {
        try {
            return json.readValue(requestJson, NewRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("monitoring_incidents.intake_request is not a request", e);
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}

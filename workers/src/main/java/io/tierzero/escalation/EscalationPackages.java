package io.tierzero.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.audit.AuditEvent;
import io.tierzero.audit.AuditTrail;
import io.tierzero.escalation.EscalationPackage.AutomatedAttempt;
import io.tierzero.escalation.EscalationPackage.ConversationEntry;
import io.tierzero.escalation.EscalationPackage.Device;
import io.tierzero.escalation.EscalationPackage.PastTicket;
import io.tierzero.escalation.EscalationPackage.PriorityBasis;
import io.tierzero.escalation.EscalationPackage.RecentChange;
import io.tierzero.escalation.EscalationPackage.Requester;
import io.tierzero.escalation.EscalationPackage.SuggestedResolution;
import io.tierzero.knowledge.retrieval.SimilarTicket;
import io.tierzero.knowledge.retrieval.SimilarTicketSearch;
import io.tierzero.knowledge.runbook.RunbookLibrary;
import io.tierzero.remediation.PlaybookExecutions;
import io.tierzero.tenant.TenantRepository;
import io.tierzero.ticket.ProcessStep;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketLifecycle;
import io.tierzero.ticket.TicketRepository;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Builds, keeps and serves the escalation package of a ticket handed to people. */
@Service
public class EscalationPackages {

    private static final int SIMILAR_TICKETS = 3;
    private static final Duration RECENT = Duration.ofDays(30);

    private final TicketRepository tickets;
    private final TenantRepository tenants;
    private final AuditTrail auditTrail;
    private final PlaybookExecutions executions;
    private final SimilarTicketSearch similarTickets;
    private final RunbookLibrary runbooks;
    private final TicketLifecycle lifecycle;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public EscalationPackages(TicketRepository tickets, TenantRepository tenants, AuditTrail auditTrail,
            PlaybookExecutions executions, SimilarTicketSearch similarTickets, RunbookLibrary runbooks,
            TicketLifecycle lifecycle, JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.tickets = tickets;
        this.tenants = tenants;
        this.auditTrail = auditTrail;
        this.executions = executions;
        this.similarTickets = similarTickets;
        this.runbooks = runbooks;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Builds the package for the step that hands the ticket to people; a redelivered job gets the first one. */
    public EscalationPackage prepare(UUID ticketId, ProcessStep step) {
        Optional<EscalationPackage> earlier = jdbc.sql("select content from escalation_packages where ticket_id = ? and job_key = ?")
                .params(ticketId, step.jobKey()).query(String.class).optional().map(this::fromJson);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Ticket ticket = tickets.get(ticketId);
        EscalationPackage built = build(ticket);
        lifecycle.change(ticketId, "escalation.package-built")
                .during(step)
                .because("Briefing for " + ticket.assignmentGroup() + ": " + built.automation().size()
                        + " automated attempt(s), " + built.systemProfile().size() + " device(s), "
                        + built.similarTickets().size() + " similar ticket(s)")
                .note("builtAt", built.builtAt().toString())
                .apply();
        jdbc.sql("""
                        insert into escalation_packages (tenant_id, ticket_id, job_key, built_at, content)
                        values (?, ?, ?, ?, ?::jsonb) on conflict do nothing""")
                .params(ticket.tenantId(), ticketId, step.jobKey(), Timestamp.from(built.builtAt()), toJson(built)).update();
        return built;
    }

    public Optional<EscalationPackage> latest(String tenantId, UUID ticketId) {
        return jdbc.sql("""
                        select content from escalation_packages where tenant_id = ? and ticket_id = ?
                        order by built_at desc limit 1""")
                .params(tenantId, ticketId).query(String.class).optional().map(this::fromJson);
    }

    EscalationPackage build(Ticket ticket) {
        String serviceTier = tenants.get(ticket.tenantId()).serviceTier();
        List<Device> devices = devicesOf(ticket);
        Similar similar = similarTo(ticket);
        return new EscalationPackage(ticket.referenceNumber(), ticket.subject(), ticket.body(),
                new Requester(ticket.requesterId(), ticket.requesterName(), ticket.requesterEmail(), ticket.channel().value()),
                new PriorityBasis(ticket.priority(), ticket.kind().value(), ticket.category(), serviceTier,
                        ticket.impact().value(), ticket.urgency().value()),
                ticket.assignmentGroup(), ticket.supportTier(), ticket.responseDueAt(), ticket.resolutionDueAt(),
                conversationOf(ticket), automationOf(ticket), devices, changesOf(ticket, devices), similar.tickets(),
                similar.note(), suggestedResolution(ticket), Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
    }

    private List<ConversationEntry> conversationOf(Ticket ticket) {
        List<ConversationEntry> conversation = new ArrayList<>();
        conversation.add(new ConversationEntry(ticket.createdAt(), requesterLabel(ticket),
                ticket.subject() + ": " + ticket.body()));
        for (AuditEvent event : auditTrail.historyOf(ticket.ticketId())) {
            JsonNode payload = parse(event.payload());
            String what = switch (event.action()) {
                case "customer.replied" -> payload.path("reply").asText();
                case "requester.answered", "ticket.reopened" -> event.reason();
                case "communication.sent" -> "Sent " + payload.path("templateId").asText(payload.path("template").asText())
                        + ": " + payload.path("subject").asText();
                case "task.completed" -> agentNotes(payload.path("formData"));
                default -> null;
            };
            if (what != null && !what.isBlank()) {
                conversation.add(new ConversationEntry(event.occurredAt(), event.actorId(), what));
            }
        }
        return conversation;
    }

    private static String agentNotes(JsonNode formData) {
        List<String> notes = new ArrayList<>();
        for (String field : List.of("escalationReason", "resolutionNotes", "approvalDecision", "approvalComment")) {
            if (formData.hasNonNull(field) && !formData.path(field).asText().isBlank()) {
                notes.add(field + ": " + formData.path(field).asText());
            }
        }
        return String.join("; ", notes);
    }

    private List<AutomatedAttempt> automationOf(Ticket ticket) {
        return executions.ofTicket(ticket.ticketId()).stream()
                .map(execution -> new AutomatedAttempt(execution.playbookId(), execution.playbookVersion(),
                        execution.mode(), execution.state(), Objects.toString(execution.result().get("summary"), null),
                        Objects.toString(execution.result().get("approvedBy"), null),
                        executions.requesterConfirmed(execution.executionId()), execution.startedAt(), execution.endedAt()))
                .toList();
    }

    private List<Device> devicesOf(Ticket ticket) {
        return jdbc.sql("""
                        select ci_id, kind, name, os, model, site, software from configuration_items
                        where tenant_id = ? and owner_id = ? order by kind, ci_id""")
                .params(ticket.tenantId(), ticket.requesterId())
                .query((rs, n) -> new Device(rs.getString("ci_id"), rs.getString("kind"), rs.getString("name"),
                        rs.getString("os"), rs.getString("model"), rs.getString("site"), software(rs.getString("software"))))
                .list();
    }

    private List<String> software(String jsonArray) {
        List<String> software = new ArrayList<>();
        parse(jsonArray).forEach(item -> software.add((item.path("name").asText() + " " + item.path("version").asText()).strip()));
        return software;
    }

    private List<RecentChange> changesOf(Ticket ticket, List<Device> devices) {
        if (devices.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select ci_id, changed_at, change_ref, summary from configuration_item_changes
                        where tenant_id = :tenant and ci_id in (:cis) and changed_at >= :since order by changed_at desc""")
                .param("tenant", ticket.tenantId())
                .param("cis", devices.stream().map(Device::ciId).toList())
                .param("since", Timestamp.from(Instant.now(clock).minus(RECENT)))
                .query((rs, n) -> new RecentChange(rs.getTimestamp("changed_at").toInstant(), rs.getString("ci_id"),
                        rs.getString("change_ref"), rs.getString("summary")))
                .list();
    }

    private Similar similarTo(Ticket ticket) {
        try {
            List<PastTicket> found = similarTickets.search(ticket.tenantId(), ticket.subject() + "\n" + ticket.body(),
                            SIMILAR_TICKETS).stream()
                    .map(EscalationPackages::pastTicket).toList();
            return new Similar(found, found.isEmpty() ? "No similar resolved ticket was found" : null);
        } catch (IOException | RuntimeException e) {
            return new Similar(List.of(), "Similar tickets unavailable: the search index cannot be reached ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static PastTicket pastTicket(SimilarTicket similar) {
        return new PastTicket(similar.ticketId(), similar.shortDescription(), similar.assignmentGroup(),
                similar.runbookId(), similar.resolutionNotes(), similar.confidence());
    }

    private SuggestedResolution suggestedResolution(Ticket ticket) {
        String runbookId = jdbc.sql("select runbook_id from tickets where ticket_id = ?").param(ticket.ticketId())
                .query(String.class).optional().orElse(null);
        return runbooks.find(runbookId)
                .map(runbook -> new SuggestedResolution(runbook.id(), runbook.title(),
                        runbook.sections().getOrDefault("Steps", ""), runbook.sections().getOrDefault("When to escalate", "")))
                .orElse(null);
    }

    private static String requesterLabel(Ticket ticket) {
        return ticket.requesterName() == null ? ticket.requesterId() : ticket.requesterName() + " (" + ticket.requesterId() + ")";
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text == null ? "{}" : text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(EscalationPackage escalationPackage) {
        try {
            return json.writeValueAsString(escalationPackage);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private EscalationPackage fromJson(String text) {
        try {
            return json.readValue(text, EscalationPackage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Similar(List<PastTicket> tickets, String note) {
    }
}

package io.tierzero.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.audit.ActionSignatures;
import io.tierzero.audit.AuditChainVerifier;
import io.tierzero.audit.AuditEvent;
import io.tierzero.audit.AuditTrail;
import io.tierzero.compliance.EvidencePack.AutomatedAction;
import io.tierzero.compliance.EvidencePack.SampledEvent;
import io.tierzero.compliance.EvidencePack.SlaLine;
import io.tierzero.reports.ReportWindow;
import io.tierzero.tenant.Tenant;
import io.tierzero.tenant.TenantRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Builds the evidence pack of a tenant and period from the record itself: the chain recomputed now, the SLA
 * verdicts of the tickets resolved in the period, every automated action with its signature checked, a reproducible
 * sample of the trail, and the control mapping.
 */
@Service
public class EvidencePacks {

    static final int SAMPLE_SIZE = 25;

    private final TenantRepository tenants;
    private final AuditChainVerifier chain;
    private final AuditTrail auditTrail;
    private final ActionSignatures signatures;
    private final ControlMapping controlMapping;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public EvidencePacks(TenantRepository tenants, AuditChainVerifier chain, AuditTrail auditTrail,
                         ActionSignatures signatures, ControlMapping controlMapping, JdbcClient jdbc, ObjectMapper json,
                         Clock clock) {
        this.tenants = tenants;
        this.chain = chain;
        this.auditTrail = auditTrail;
        this.signatures = signatures;
        this.controlMapping = controlMapping;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public EvidencePack build(String tenantId, ReportWindow period) {
        Instant from = period.from();
        Instant to = period.to();
        Tenant tenant = tenants.get(tenantId);
        Map<UUID, String> references = new HashMap<>();
        List<SlaLine> sla = slaLines(tenantId, from, to);
        String seed = tenantId + "/" + from + "/" + to;
        return new EvidencePack(tenantId, tenant.name(), from, to, Instant.now(clock), chain.verify(tenantId),
                ActionSignatures.ALGORITHM, signatures.publicKeyset(), sla, total(sla), openPastResolutionDue(tenantId),
                auditTrail.eventsBetween(tenantId, from, to, "remediation.playbook-").stream()
                        .map(event -> automatedAction(event, reference(references, event.ticketId()))).toList(),
                seed,
                auditTrail.sampleBetween(tenantId, from, to, seed, SAMPLE_SIZE).stream()
                        .map(event -> sampled(event, reference(references, event.ticketId()))).toList(),
                controlMapping.controls());
    }

    private List<SlaLine> slaLines(String tenantId, Instant from, Instant to) {
        return jdbc.sql("""
                        select coalesce(priority, 'none'), count(*),
                               count(*) filter (where response_met), count(*) filter (where not response_met),
                               count(*) filter (where resolution_met), count(*) filter (where not resolution_met)
                        from tickets where tenant_id = ? and first_resolved_at >= ? and first_resolved_at < ?
                        group by 1 order by 1""")
                .params(tenantId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new SlaLine(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)))
                .list();
    }

    private static SlaLine total(List<SlaLine> lines) {
        return new SlaLine("all", lines.stream().mapToLong(SlaLine::resolved).sum(),
                lines.stream().mapToLong(SlaLine::responseMet).sum(), lines.stream().mapToLong(SlaLine::responseBreached).sum(),
                lines.stream().mapToLong(SlaLine::resolutionMet).sum(),
                lines.stream().mapToLong(SlaLine::resolutionBreached).sum());
    }

    private long openPastResolutionDue(String tenantId) {
        return jdbc.sql("""
                        select count(*) from tickets where tenant_id = ? and state not in ('resolved', 'closed')
                        and resolution_due_at < ?""")
                .params(tenantId, Timestamp.from(Instant.now(clock))).query(Long.class).single();
    }

    private AutomatedAction automatedAction(AuditEvent event, String referenceNumber) {
        JsonNode payload = payload(event);
        ActionSignatures.SignatureCheck check = signatures.check(event);
        return new AutomatedAction(event.sequenceNumber(), event.occurredAt(), referenceNumber, event.action(),
                payload.path("playbookId").asText("") + " " + payload.path("playbookVersion").asText(""),
                payload.path("approvedBy").asText(null), payload.path("inputDigest").asText(null),
                payload.path("signature").asText(null), check.signed(), check.valid());
    }

    private static SampledEvent sampled(AuditEvent event, String referenceNumber) {
        return new SampledEvent(event.sequenceNumber(), event.occurredAt(), referenceNumber, event.action(),
                event.actorKind() + ": " + event.actorId(), event.reason(), event.bpmnElementId(), event.previousHash(),
                event.hash());
    }

    private String reference(Map<UUID, String> references, UUID ticketId) {
        if (ticketId == null) {
            return null;
        }
        return references.computeIfAbsent(ticketId, id -> jdbc.sql("select reference_number from tickets where ticket_id = ?")
                .param(id).query(String.class).optional().orElse(null));
    }

    private JsonNode payload(AuditEvent event) {
        try {
            return event.payload() == null ? json.createObjectNode() : json.readTree(event.payload());
        } catch (JsonProcessingException unreadable) {
            return json.createObjectNode();
        }
    }
}

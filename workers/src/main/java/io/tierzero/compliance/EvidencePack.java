package io.tierzero.compliance;

import io.tierzero.audit.ChainVerification;
import io.tierzero.compliance.ControlMapping.Control;
import java.time.Instant;
import java.util.List;

/** What an ISO 20000 auditor gets for a tenant and a period (from included, to excluded). */
public record EvidencePack(
        String tenantId,
        String tenantName,
        Instant from,
        Instant to,
        Instant generatedAt,
        ChainVerification chain,
        String signingAlgorithm,
        String publicSigningKeyset,
        List<SlaLine> sla,
        SlaLine slaTotal,
        long openPastResolutionDue,
        List<AutomatedAction> automatedActions,
        String sampleSeed,
        List<SampledEvent> auditSample,
        List<Control> controls) {

    /** Tickets first resolved in the period, per priority: how their response and resolution did against target. */
    public record SlaLine(String priority, long resolved, long responseMet, long responseBreached, long resolutionMet,
                          long resolutionBreached) {

        public String resolutionAttainment() {
            long judged = resolutionMet + resolutionBreached;
            return judged == 0 ? "-" : "%.1f%%".formatted(100.0 * resolutionMet / judged);
        }

        public String responseAttainment() {
            long judged = responseMet + responseBreached;
            return judged == 0 ? "-" : "%.1f%%".formatted(100.0 * responseMet / judged);
        }
    }

    /** A playbook execution's signed record, checked with the public key. */
    public record AutomatedAction(long sequenceNumber, Instant occurredAt, String referenceNumber, String action,
                                  String playbook, String approvedBy, String inputDigest, String signature, boolean signed,
                                  boolean valid) {
    }

    public record SampledEvent(long sequenceNumber, Instant occurredAt, String referenceNumber, String action,
                               String actor, String reason, String bpmnElementId, String previousHash, String hash) {
    }
}

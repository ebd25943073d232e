package io.tierzero.escalation;

import java.time.Instant;
import java.util.List;

/**
 * Everything an engineer needs to take a ticket over without asking the requester again: what was asked, what was
 * said, what automation tried and how the requester answered, the requester's devices and their recent changes,
 * similar tickets and how they were resolved, why the priority is what it is, and the steps to try.
 */
public record EscalationPackage(
        String referenceNumber,
        String subject,
        String description,
        Requester requester,
        PriorityBasis priority,
        String assignmentGroup,
        int supportTier,
        Instant responseDueAt,
        Instant resolutionDueAt,
        List<ConversationEntry> conversation,
        List<AutomatedAttempt> automation,
        List<Device> systemProfile,
        List<RecentChange> recentChanges,
        List<PastTicket> similarTickets,
        String similarTicketsNote,
        SuggestedResolution suggestedResolution,
        Instant builtAt) {

    public record Requester(String id, String name, String email, String channel) {
    }

    /** The priority and what it comes from: issue type, the client's SLA tier and the business impact. */
    public record PriorityBasis(String priority, String issueType, String category, String clientTier, String impact,
            String urgency) {
    }

    public record ConversationEntry(Instant at, String who, String what) {
    }

    public record AutomatedAttempt(String playbookId, String playbookVersion, String mode, String state, String summary,
            String approvedBy, Boolean requesterConfirmed, Instant startedAt, Instant endedAt) {
    }

    public record Device(String ciId, String kind, String name, String os, String model, String site,
            List<String> software) {
    }

    public record RecentChange(Instant at, String ciId, String changeRef, String summary) {
    }

    public record PastTicket(String ticketId, String summary, String resolvedByGroup, String runbookId,
            String resolutionNotes, double similarity) {
    }

    public record SuggestedResolution(String runbookId, String title, String steps, String whenToEscalate) {
    }
}

package io.tierzero.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.CreateProcessInstanceCommandStep1.CreateProcessInstanceCommandStep3;
import io.tierzero.tenant.Tenant;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketProcesses;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Starts and resumes ticket lifecycles on Zeebe (embedded or cluster) and correlates requester answers. */
@Component
class ZeebeTicketProcesses implements TicketProcesses {

    static final String REQUESTER_ANSWERED = "requester-answered";
    static final String CUSTOMER_RESPONDED = "customer-responded";
    static final String REQUESTER_ACTION_COMPLETED = "requester-action-completed";

    /**
     * Steps that need what an earlier step decided and the ticket does not store: the approver's task takes its
     * candidate group from the approval decision, so a resumed lifecycle prepares the playbook again (the open
     * approval task keeps its identity and claim).
     */
    private static final Map<String, String> RESUME_BEFORE = Map.of("approve-automated-action", "prepare-playbook");

    private final CamundaClient camunda;

    ZeebeTicketProcesses(CamundaClient camunda) {
        this.camunda = camunda;
    }

    @Override
    public long start(Ticket ticket, Tenant tenant) {
        return create(ticket, tenant).send().join().getProcessInstanceKey();
    }

    @Override
    public long resume(Ticket ticket, Tenant tenant, String elementId) {
        return create(ticket, tenant).startBeforeElement(RESUME_BEFORE.getOrDefault(elementId, elementId))
                .send().join().getProcessInstanceKey();
    }

    @Override
    public void requesterAnswered(Ticket ticket, boolean resolved) {
        camunda.newPublishMessageCommand()
                .messageName(REQUESTER_ANSWERED)
                .correlationKey(ticket.ticketId().toString())
                .messageId(ticket.ticketId() + "/answer/" + ticket.reopenCount())
                .variables(Map.of("requesterConfirmed", resolved))
                .send().join();
    }

    @Override
    public void requesterActionCompleted(Ticket ticket, String remediationOutcome) {
        camunda.newPublishMessageCommand()
                .messageName(REQUESTER_ACTION_COMPLETED)
                .correlationKey(ticket.ticketId().toString())
                .messageId(ticket.ticketId() + "/requester-action")
                .variables(Map.of("remediationOutcome", remediationOutcome))
                .send().join();
    }

    @Override
    public void customerResponded(Ticket ticket, String reply) {
        camunda.newPublishMessageCommand()
                .messageName(CUSTOMER_RESPONDED)
                .correlationKey(ticket.ticketId().toString())
                .variables(Map.of("customerReply", reply))
                .send().join();
    }

    private CreateProcessInstanceCommandStep3 create(Ticket ticket, Tenant tenant) {
        return camunda.newCreateInstanceCommand()
                .bpmnProcessId(ticket.kind().processId())
                .latestVersion()
                .variables(variablesOf(ticket, tenant));
    }

    /** Everything a lifecycle reads, from the stored ticket: a resumed instance continues with the same facts. */
    static Map<String, Object> variablesOf(Ticket ticket, Tenant tenant) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("ticketId", ticket.ticketId().toString());
        variables.put("tenantId", ticket.tenantId());
        variables.put("referenceNumber", ticket.referenceNumber());
        // what the agent's task form shows of the request, in Tasklist on a cluster as in TierZero's console
        variables.put("subject", ticket.subject());
        variables.put("body", ticket.body());
        variables.put("impact", ticket.impact().value());
        variables.put("urgency", ticket.urgency().value());
        variables.put("region", ticket.region().value());
        variables.put("clientTier", tenant.serviceTier());
        variables.put("automationThreshold", tenant.automationThreshold());
        variables.put("confirmationPeriod", tenant.confirmationPeriod().toString());
        variables.put("customerResponsePeriod", tenant.customerResponsePeriod().toString());
        variables.put("supportTier", ticket.supportTier());
        variables.put("category", ticket.category() == null ? "unclassified" : ticket.category());
        putIfKnown(variables, "priority", ticket.priority());
        putIfKnown(variables, "runbookId", ticket.runbookId());
        putIfKnown(variables, "slaWarningAt", ticket.slaWarningAt());
        putIfKnown(variables, "slaBreachAt", ticket.resolutionDueAt());
        putIfKnown(variables, "shiftEndsAt", ticket.shiftEndsAt());
        if (ticket.assignmentGroup() != null && ticket.shiftEndsAt() != null) {
            variables.put("routing", Map.of("assignmentGroup", ticket.assignmentGroup(),
                    "supportCentre", ticket.supportCentre(),
                    "shiftEndsUtcHour", ticket.shiftEndsAt().atZone(ZoneOffset.UTC).getHour()));
        }
        return variables;
    }

    private static void putIfKnown(Map<String, Object> variables, String name, Object value) {
        if (value != null) {
            variables.put(name, value instanceof Instant instant ? instant.toString() : value);
        }
    }
}

package io.tierzero.remediation;

import io.tierzero.audit.ActionSignatures;
import io.tierzero.audit.ActionSignatures.SignedAction;
import io.tierzero.audit.Actor;
import io.tierzero.audit.ActorKind;
import io.tierzero.communication.Communications;
import io.tierzero.ticket.ProcessStep;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketLifecycle;
import io.tierzero.ticket.TicketProcesses;
import io.tierzero.ticket.TicketRepository;
import io.tierzero.ticket.TicketState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the playbook of a ticket's runbook, once per ticket: checks the tenant's kill switch and mode, resolves the
 * playbook's inputs, carries it out (or, in dry-run, only records what it would do), and writes a signed audit event
 * for every execution. A redelivered job or a restarted lifecycle finds the execution and does not act twice.
 */
@Service
public class Remediation {

    static final Actor AUTOMATION = new Actor(ActorKind.AUTOMATION, "tierzero-playbooks");
    private static final Logger log = LoggerFactory.getLogger(Remediation.class);

    private final PlaybookRegistry playbooks;
    private final PlaybookExecutions executions;
    private final AutomationControls controls;
    private final TicketRepository tickets;
    private final TicketLifecycle lifecycle;
    private final TicketProcesses processes;
    private final ActionSignatures signatures;
    private final Communications communications;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public Remediation(PlaybookRegistry playbooks, PlaybookExecutions executions, AutomationControls controls,
            TicketRepository tickets, TicketLifecycle lifecycle, TicketProcesses processes,
            ActionSignatures signatures, Communications communications, TransactionTemplate transaction, Clock clock) {
        this.playbooks = playbooks;
        this.executions = executions;
        this.controls = controls;
        this.tickets = tickets;
        this.lifecycle = lifecycle;
        this.processes = processes;
        this.signatures = signatures;
        this.communications = communications;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What the approval gate needs to know before a run; a playbook that cannot run now is not ready. */
    public PlaybookPreparation prepare(UUID ticketId, String runbookId, ProcessStep step) {
        Ticket ticket = tickets.get(ticketId);
        AutomationControls.Settings settings = controls.of(ticket.tenantId());
        Optional<Playbook> playbook = playbooks.find(runbookId);
        if (!settings.enabled()) {
            return notReady(ticket, step, "remediation.stopped-by-kill-switch",
                    "Automation is switched off for " + ticket.tenantId(), runbookId);
        }
        if (playbook.isEmpty()) {
            return notReady(ticket, step, "remediation.unavailable",
                    "No playbook is registered for runbook " + runbookId, runbookId);
        }
        Map<String, String> inputs;
        try {
            inputs = playbook.get().action().resolveInputs(ticket);
        } catch (PlaybookRefusedException refused) {
            refuse(ticket, playbook.get(), settings, refused, step);
            return PlaybookPreparation.notReady(refused.getMessage());
        }
        boolean sensitive = Boolean.parseBoolean(inputs.get(PlaybookAction.SENSITIVE_INPUT));
        lifecycle.change(ticketId, "remediation.prepared")
                .during(step)
                .by(AUTOMATION)
                .toState(TicketState.IN_PROGRESS)
                .because("Playbook " + playbook.get().id() + " " + playbook.get().version() + " will run"
                        + (settings.mode() == AutomationControls.Mode.DRY_RUN ? " as a dry run" : ""))
                .note("playbookId", playbook.get().id())
                .note("playbookVersion", playbook.get().version())
                .note("risk", playbook.get().risk())
                .note("approval", playbook.get().approval())
                .note("sensitiveAccess", sensitive)
                .apply();
        return PlaybookPreparation.ready(playbook.get(), sensitive);
    }

    public RunResult run(UUID ticketId, String runbookId, String approvedBy, ProcessStep step) {
        Ticket ticket = tickets.get(ticketId);
        Optional<PlaybookExecution> earlier = executions.ofTicket(ticketId);
        if (earlier.isPresent() && !"running".equals(earlier.get().state())) {
            return resultOf(earlier.get());
        }
        AutomationControls.Settings settings = controls.of(ticket.tenantId());
        if (!settings.enabled()) {
            notReady(ticket, step, "remediation.stopped-by-kill-switch",
                    "Automation was switched off for " + ticket.tenantId() + " before the playbook ran", runbookId);
            return new RunResult(RemediationOutcome.UNAVAILABLE, null);
        }
        Optional<Playbook> found = playbooks.find(earlier.map(PlaybookExecution::playbookId).orElse(runbookId));
        if (found.isEmpty()) {
            notReady(ticket, step, "remediation.unavailable", "No playbook is registered for runbook " + runbookId, runbookId);
            return new RunResult(RemediationOutcome.UNAVAILABLE, null);
        }
        Playbook playbook = found.get();
        Map<String, String> inputs;
        try {
            inputs = playbook.action().resolveInputs(ticket);
        } catch (PlaybookRefusedException refused) {
            return refuse(ticket, playbook, settings, refused, step);
        }
        PlaybookExecution execution = executions.start(ticket, playbook, settings.mode().value(), inputs);
        if (execution.isDryRun()) {
            return record(ticket, playbook, execution, new ActionResult(null,
                    "Dry run: inputs checked, nothing changed; would run the steps of " + playbook.id(),
                    Map.of("wouldRun", playbook.steps()), null), approvedBy, AUTOMATION, step);
        }
        ActionResult result;
        try {
            result = playbook.action().execute(execution, ticket);
        } catch (RuntimeException e) {
            log.warn("Playbook {} failed for ticket {}", playbook.id(), ticketId, e);
            result = ActionResult.failed("The playbook stopped with an error: " + e.getMessage(), Map.of());
        }
        return record(ticket, playbook, execution, result, approvedBy, AUTOMATION, step);
    }

    /**
     * The requester finished the part of a playbook that was theirs (set a new password after verifying their
     * identity): the execution ends with that result and the waiting lifecycle moves on.
     */
    public void completeByRequester(PlaybookExecution execution, ActionResult result) {
        Ticket ticket = tickets.get(execution.ticketId());
        Playbook playbook = playbooks.find(execution.playbookId()).orElseThrow();
        RunResult recorded = record(ticket, playbook, execution, result,
                Objects.toString(execution.result().get("approvedBy"), null), Actor.requester(ticket.requesterId()), null);
        processes.requesterActionCompleted(ticket, recorded.outcome().value());
    }

    /** A precondition failed: recorded as a failed execution, so the escalation package shows what was tried. */
    private RunResult refuse(Ticket ticket, Playbook playbook, AutomationControls.Settings settings,
            PlaybookRefusedException refused, ProcessStep step) {
        PlaybookExecution execution = executions.start(ticket, playbook, settings.mode().value(), Map.of());
        return record(ticket, playbook, execution, ActionResult.failed(refused.getMessage(), Map.of()), null,
                AUTOMATION, step);
    }

    /** Tells the requester what the playbook did, in the words of its execution record. */
    public void tellRequesterTheResult(UUID ticketId, ProcessStep step) {
        PlaybookExecution execution = executions.ofTicket(ticketId).orElseThrow(() -> new IllegalStateException(
                "Ticket " + ticketId + " has no automated attempt to report"));
        communications.send(ticketId, "automation-result", Map.of("playbookId", execution.playbookId(),
                "actionSummary", Objects.toString(execution.result().get("summary"), "")), step);
    }

    private RunResult record(Ticket ticket, Playbook playbook, PlaybookExecution execution, ActionResult result,
            String approvedBy, Actor actor, ProcessStep step) {
        String state = result.status() == null ? "dry-run" : result.status().name().toLowerCase().replace('_', '-');
        Map<String, Object> stored = new LinkedHashMap<>(result.details());
        stored.put("summary", result.summary());
        if (approvedBy != null) {
            stored.put("approvedBy", approvedBy);
        }
        if (result.awaitRequesterFor() != null) {
            stored.put("awaitUntil", Instant.now(clock).plus(result.awaitRequesterFor()).toString());
        }
        Map<String, Object> signed = signatures.sign(new SignedAction(ticket.tenantId(), ticket.ticketId(),
                execution.executionId(), playbook.id(), playbook.version(), execution.inputDigest(), state, approvedBy));
        var change = lifecycle.change(ticket.ticketId(), "remediation.playbook-" + state)
                .by(actor)
                .because(result.summary());
        if (result.status() == ActionResult.Status.SUCCEEDED) {
            change.toState(TicketState.RESOLVED).set("resolved_at", Instant.now(clock));
        }
        (step == null ? change : change.during(step)).note("mode", execution.mode());
        signed.forEach(change::note);
        // the execution's outcome and its signed audit event are written together: a settled execution is never
        // found without its record (a redelivered job returns the settled outcome and writes nothing more)
        transaction.executeWithoutResult(status -> {
            executions.finish(execution.executionId(), state, stored);
            change.apply();
        });
        return resultOf(executions.find(ticket.tenantId(), execution.executionId()).orElseThrow());
    }

    private RunResult resultOf(PlaybookExecution execution) {
        RemediationOutcome outcome = switch (execution.state()) {
            case "succeeded" -> RemediationOutcome.RESOLVED;
            case "awaiting-requester" -> RemediationOutcome.AWAITING_REQUESTER;
            case "dry-run" -> RemediationOutcome.DRY_RUN;
            default -> RemediationOutcome.FAILED;
        };
        Duration wait = null;
        Object awaitUntil = execution.result().get("awaitUntil");
        if (outcome == RemediationOutcome.AWAITING_REQUESTER && awaitUntil != null) {
            Duration left = Duration.between(Instant.now(clock), Instant.parse(awaitUntil.toString()));
            wait = left.isNegative() ? Duration.ZERO : left;
        }
        return new RunResult(outcome, wait);
    }

    private PlaybookPreparation notReady(Ticket ticket, ProcessStep step, String action, String reason, String runbookId) {
        lifecycle.change(ticket.ticketId(), action)
                .during(step)
                .by(AUTOMATION)
                .because(reason)
                .note("runbookId", String.valueOf(runbookId))
                .apply();
        return PlaybookPreparation.notReady(reason);
    }

    /** @param awaitRequesterFor how long the lifecycle waits for the requester, when the outcome is awaiting-requester */
    public record RunResult(RemediationOutcome outcome, Duration awaitRequesterFor) {
    }
}

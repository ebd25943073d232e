package io.tierzero.remediation;

import io.swagger.v3.oas.annotations.Operation;
import io.tierzero.audit.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AutomationController {

    private final AutomationControls controls;
    private final PlaybookRegistry playbooks;
    private final PlaybookExecutions executions;

    public AutomationController(AutomationControls controls, PlaybookRegistry playbooks, PlaybookExecutions executions) {
        this.controls = controls;
        this.playbooks = playbooks;
        this.executions = executions;
    }

    @GetMapping("/api/playbooks")
    @Operation(summary = "The playbooks: automated runbooks with their owner, version, risk, approval, inputs, steps, verification and rollback")
    public List<PlaybookView> playbooks() {
        return playbooks.all().stream().map(PlaybookView::of).toList();
    }

    @GetMapping("/api/tenants/{tenant}/automation")
    @Operation(summary = "The tenant's automation controls: kill switch and mode")
    public AutomationControls.Settings controls(@PathVariable String tenant) {
        return controls.of(tenant);
    }

    @PutMapping("/api/tenants/{tenant}/automation")
    @Operation(summary = "Stops or resumes all automation of the tenant (kill switch) or switches it to dry-run; audited")
    public AutomationControls.Settings change(@PathVariable String tenant, @Valid @RequestBody ControlsChange change,
            Principal analyst) {
        controls.of(tenant);
        return controls.change(tenant, new AutomationControls.Settings(change.enabled(),
                AutomationControls.Mode.of(change.mode())), Actor.human(analyst.getName()), change.reason());
    }

    @GetMapping("/api/tenants/{tenant}/playbooks/statistics")
    @Operation(summary = "Per playbook: runs, successes, failures, and what requesters answered afterwards")
    public List<PlaybookStatistics> statistics(@PathVariable String tenant) {
        controls.of(tenant);
        return executions.statistics(tenant);
    }

    @GetMapping("/api/tenants/{tenant}/tickets/{ticketId}/automated-attempt")
    @Operation(summary = "What automation did for the ticket: the playbook, its inputs, state and recorded result "
            + "(for a self-heal: usage before and after, the files removed or restored, top consumers, rerun output)")
    public PlaybookExecution automatedAttempt(@PathVariable String tenant, @PathVariable UUID ticketId) {
        controls.of(tenant);
        return executions.ofTicket(ticketId).filter(execution -> execution.tenantId().equals(tenant))
                .orElseThrow(() -> new NoAutomatedAttemptException(ticketId));
    }

    public record ControlsChange(@NotNull Boolean enabled, @NotNull @Pattern(regexp = "live|dry-run") String mode,
            @NotBlank @Size(max = 2000) String reason) {
    }

    public record PlaybookView(String id, String title, String version, String owner, String risk, String approval,
            List<String> inputs, String steps, String verification, String rollback) {

        static PlaybookView of(Playbook playbook) {
            return new PlaybookView(playbook.id(), playbook.runbook().title(), playbook.version(), playbook.owner(),
                    playbook.risk(), playbook.approval(), playbook.inputs(), playbook.steps(), playbook.verification(),
                    playbook.rollback());
        }
    }
}

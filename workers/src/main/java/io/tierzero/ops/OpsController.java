package io.tierzero.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.tierzero.ops.IncidentRetries.IncidentRetried;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ops view for the MSP's operations staff, across tenants: what the engine runs, its incidents and failing
 * jobs, and the retry of an incident; on the embedded engine or a Camunda cluster.
 */
@RestController
@RequestMapping("/api/ops")
public class OpsController {

    private final ProcessOperations operations;
    private final IncidentRetries retries;

    public OpsController(ProcessOperations operations, IncidentRetries retries) {
        this.operations = operations;
        this.retries = retries;
    }

    @GetMapping("/processes")
    @Operation(summary = "Deployed processes with their active instances and active element instances per element")
    public List<ProcessActivity> processes() {
        return operations.processes();
    }

    @GetMapping("/incidents")
    @Operation(summary = "Open incidents, oldest first, with the ticket their instance works on")
    public List<OpenIncident> incidents() {
        return operations.openIncidents();
    }

    @GetMapping("/failed-jobs")
    @Operation(summary = "Jobs whose last attempt failed and that still have retries left")
    public List<FailingJob> failedJobs() {
        return operations.failingJobs();
    }

    @PostMapping("/incidents/{incidentKey}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Gives the incident's job one more attempt and resolves the incident (audited on its ticket)",
            description = "404 for an unknown incident, 409 for one already resolved")
    public IncidentRetried retry(@PathVariable long incidentKey, Principal operator) {
        return retries.retry(incidentKey, operator.getName());
    }
}

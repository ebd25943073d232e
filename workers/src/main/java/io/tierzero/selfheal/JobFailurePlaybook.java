package io.tierzero.selfheal;

import io.tierzero.remediation.ActionResult;
import io.tierzero.remediation.PlaybookAction;
import io.tierzero.remediation.PlaybookExecution;
import io.tierzero.remediation.PlaybookRefusedException;
import io.tierzero.ticket.Ticket;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reruns a failed job once, with the allow-listed command its job register entry names, on the job's host; the
 * rerun's exit status is the verification. A job run is never rerun twice: not after a failed rerun, not for a
 * repeated alert, not when a redelivered job cannot tell whether the first attempt ran.
 */
@Component
public class JobFailurePlaybook implements PlaybookAction {

    // the runbook's blast-radius check: more than 5 different jobs failing within 15 minutes, or several on one host,
    // is an infrastructure problem; "several" is taken as 3
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    static final int MAXIMUM_FAILED_JOBS = 5;
    static final int SEVERAL_JOBS_ON_ONE_HOST = 3;

    private final JobRegister register;
    private final FailedJobAlerts failedJobs;
    private final ManagedHosts hosts;
    private final SelfHealProperties properties;
    private final RemoteShell shell;
    private final SelfHealActions actions;

    public JobFailurePlaybook(JobRegister register, FailedJobAlerts failedJobs, ManagedHosts hosts,
            SelfHealProperties properties, RemoteShell shell, SelfHealActions actions) {
        this.register = register;
        this.failedJobs = failedJobs;
        this.hosts = hosts;
        this.properties = properties;
        this.shell = shell;
        this.actions = actions;
    }

    @Override
    public String runbookId() {
        return "job-failure";
    }

    @Override
    public Map<String, String> resolveInputs(Ticket ticket) {
        String jobName = AlertFacts.required(ticket, "job_name");
        String scheduler = AlertFacts.required(ticket, "scheduler");
        String runId = AlertFacts.required(ticket, "run_id");
        RegisteredJob job = register.find(ticket.tenantId(), scheduler, jobName).orElseThrow(() ->
                new PlaybookRefusedException("Job " + jobName + " of " + scheduler + " has no record in the job register"));
        if (!job.rerunnable() || !job.idempotent()) {
            throw new PlaybookRefusedException("Job " + jobName + " is not registered as rerunnable and idempotent: its owner "
                    + job.owner() + " decides");
        }
        AlertFacts.find(ticket, "host").filter(host -> !host.equals(job.host())).ifPresent(host -> {
            throw new PlaybookRefusedException("The alert names host " + host + ", the job register " + job.host());
        });
        hosts.find(ticket.tenantId(), job.host()).orElseThrow(() -> new PlaybookRefusedException(
                "Host " + job.host() + " is not in the self-heal allow-list of " + ticket.tenantId()));
        RemoteCommand rerun = rerunCommand(job, runId);
        if (!shell.hasCredentials(ticket.tenantId())) {
            throw new PlaybookRefusedException("No self-heal credentials are configured for " + ticket.tenantId());
        }
        if (failedJobs.otherJobs(ticket, jobName, FAILURE_WINDOW) + 1 > MAXIMUM_FAILED_JOBS
                || failedJobs.otherJobsOnHost(ticket, jobName, job.host(), FAILURE_WINDOW) + 1 >= SEVERAL_JOBS_ON_ONE_HOST) {
            throw new PlaybookRefusedException("Other jobs failed within " + FAILURE_WINDOW.toMinutes()
                    + " minutes (more than " + MAXIMUM_FAILED_JOBS + " in all, or " + SEVERAL_JOBS_ON_ONE_HOST
                    + " or more on " + job.host() + "): an infrastructure problem, no reruns");
        }
        actions.refuseWhenAlreadyRerun(ticket.tenantId(), target(job, runId));
        actions.refuseWhenLimitReached(ticket.tenantId());
        return Map.of("jobName", jobName, "scheduler", scheduler, "runId", runId, "host", job.host(),
                "command", rerun.line());
    }

    @Override
    public ActionResult execute(PlaybookExecution execution, Ticket ticket) {
        RegisteredJob job = register.find(execution.tenantId(), execution.input("scheduler"), execution.input("jobName"))
                .orElseThrow();
        String runId = execution.input("runId");
        SelfHealAction action;
        try {
            action = actions.begin(execution, "job-rerun", target(job, runId));
        } catch (PlaybookRefusedException refused) {
            return ActionResult.failed(refused.getMessage(), Map.of());
        }
        if (action.ended()) {
            return Outcomes.recorded(action);
        }
        ActionResult result = action.resumed()
                ? ActionResult.failed("An earlier attempt to rerun " + job.jobName() + " (run " + runId
                        + ") was interrupted and may have run it: no second rerun, a person checks the scheduler",
                        Map.of())
                : rerun(job, runId, hosts.find(job.tenantId(), job.host()).orElseThrow());
        actions.end(execution.executionId(), Outcomes.details(result));
        return result;
    }

    private ActionResult rerun(RegisteredJob job, String runId, ManagedHost host) {
        RemoteCommand command = rerunCommand(job, runId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("job", job.jobName());
        details.put("scheduler", job.scheduler());
        details.put("runId", runId);
        details.put("host", host.host());
        details.put("command", command.line());
        CommandOutput output;
        try (RemoteSession session = shell.open(host)) {
            output = session.run(command, properties.jobRerunTimeout());
        } catch (RemoteHostException e) {
            return ActionResult.failed("The rerun of " + job.jobName() + " (run " + runId + ") did not complete: "
                    + e.getMessage() + "; it is not tried again", details);
        }
        details.put("exitStatus", output.exitStatus());
        details.put("output", output.evidence());
        if (output.succeeded()) {
            return ActionResult.succeeded("Job " + job.jobName() + " (run " + runId + ") rerun once on " + host.host()
                    + " and ended OK (exit status 0)", details);
        }
        return ActionResult.failed("Job " + job.jobName() + " (run " + runId + ") rerun once on " + host.host()
                + " and failed again with exit status " + output.exitStatus() + ": no second rerun, a person takes over",
                details);
    }

    private static RemoteCommand rerunCommand(RegisteredJob job, String runId) {
        AllowedCommand command = AllowedCommand.rerun(job.rerunCommand());
        Map<String, String> arguments = new HashMap<>(Map.of("job", job.jobName(), "runId", runId));
        if (command == AllowedCommand.RERUN_CRON_JOB) {
            arguments.put("wrapper", job.wrapperPath());
        }
        arguments.keySet().retainAll(command.arguments());
        return command.with(arguments);
    }

    private static String target(RegisteredJob job, String runId) {
        return job.scheduler() + "/" + job.jobName() + "/" + runId;
    }
}

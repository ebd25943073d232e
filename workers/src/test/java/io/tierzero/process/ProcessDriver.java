package io.tierzero.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test-only stand-in for the app's job workers: deploys the TierZero resources into the in-memory engine,
 * completes jobs, publishes messages and moves the engine clock.
 */
final class ProcessDriver {

    static final String USER_TASK_JOB = "io.camunda.zeebe:userTask";
    static final String HEADER_CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
    static final String HEADER_FORM_KEY = "io.camunda.zeebe:formKey";

    static final List<String> RESOURCES = List.of(
            "processes/service-request.bpmn",
            "processes/incident.bpmn",
            "decisions/priority-matrix.dmn",
            "decisions/sla-targets.dmn",
            "decisions/automation-eligibility.dmn",
            "decisions/routing.dmn",
            "decisions/approval-policy.dmn",
            "forms/work-on-request.form",
            "forms/diagnose-incident.form",
            "forms/review-major-incident.form",
            "forms/approve-automated-action.form");

    private final ZeebeClient client;
    private final ZeebeTestEngine engine;
    /** Engine time is wall-clock time plus everything we added with increaseTime. */
    private Duration timeAdded = Duration.ZERO;
    private final Map<String, Long> formKeys = new HashMap<>();

    final String ticketId = UUID.randomUUID().toString();
    /** What the SLA clock job answers during triage (relative to engine time). */
    Duration slaWarnIn = Duration.ofHours(2);
    Duration slaBreachIn = Duration.ofHours(8);

    ProcessDriver(ZeebeClient client, ZeebeTestEngine engine) {
        this.client = client;
        this.engine = engine;
    }

    ZeebeClient client() {
        return client;
    }

    ProcessDriver deployAll() {
        var command = client.newDeployResourceCommand().addResourceFromClasspath(RESOURCES.get(0));
        for (String resource : RESOURCES.subList(1, RESOURCES.size())) {
            command = command.addResourceFromClasspath(resource);
        }
        command.send().join().getForm().forEach(form -> formKeys.put(form.getFormId(), form.getFormKey()));
        return this;
    }

    /** Key of the deployed form with the given form id. */
    long formKey(String formId) {
        assertThat(formKeys).containsKey(formId);
        return formKeys.get(formId);
    }

    Map<String, Object> startVariables() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("ticketId", ticketId);
        vars.put("tenantId", "acme");
        vars.put("referenceNumber", "SR-1001");
        vars.put("impact", "medium");
        vars.put("urgency", "medium");
        vars.put("clientTier", "gold");
        vars.put("region", "emea");
        vars.put("automationThreshold", 0.80);
        vars.put("confirmationPeriod", "PT72H");
        vars.put("customerResponsePeriod", "PT120H");
        vars.put("supportTier", 1);
        vars.put("category", "unclassified");
        vars.put("subject", "Cannot log in");
        vars.put("body", "My account is locked since this morning.");
        return vars;
    }

    ProcessInstanceEvent start(String processId, Map<String, Object> overrides) {
        Map<String, Object> vars = startVariables();
        vars.putAll(overrides);
        ProcessInstanceEvent event = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
                .variables(vars).send().join();
        idle();
        return event;
    }

    /** Engine "now" as seen by timers and FEEL now(). */
    Instant now() {
        return Instant.now().plus(timeAdded);
    }

    String in(Duration duration) {
        return now().plus(duration).truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toInstant().toString();
    }

    int utcHour() {
        return now().atOffset(ZoneOffset.UTC).getHour();
    }

    void idle() {
        try {
            engine.waitForIdleState(Duration.ofSeconds(10));
        } catch (Exception e) {
            throw new IllegalStateException("engine did not become idle", e);
        }
    }

    void advance(Duration duration) {
        engine.increaseTime(duration);
        timeAdded = timeAdded.plus(duration);
        idle();
        // timers fire on the engine's due-date checker: give it a moment, then wait for the work it caused
        try {
            engine.waitForBusyState(Duration.ofMillis(300));
        } catch (Exception ignored) {
            // nothing became busy
        }
        idle();
    }

    List<ActivatedJob> activate(String jobType) {
        return client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(10)
                .timeout(Duration.ofDays(60)).send().join().getJobs();
    }

    /** Activates the single job of the given type (fails if there is none or more than one). */
    ActivatedJob job(String jobType) {
        // on a loaded machine the engine may report idle just before it creates the job: ask again for a moment
        List<ActivatedJob> jobs = activate(jobType);
        for (int attempt = 0; jobs.isEmpty() && attempt < 50; attempt++) {
            pause(Duration.ofMillis(100));
            idle();
            jobs = activate(jobType);
        }
        assertThat(jobs).as("activatable jobs of type %s (incidents: %s)", jobType, incidents()).hasSize(1);
        return jobs.get(0);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Incident messages raised so far (shown in assertion failures). */
    List<String> incidents() {
        return java.util.stream.StreamSupport.stream(
                        io.camunda.zeebe.process.test.filters.RecordStream.of(engine.getRecordStreamSource()).incidentRecords()
                                .spliterator(), false).map(r -> r.getIntent() + " " + r.getValue().getElementId() + ": " + r.getValue().getErrorMessage())
                .toList();
    }

    ActivatedJob userTask(String elementId) {
        List<ActivatedJob> jobs = activate(USER_TASK_JOB);
        assertThat(jobs).as("user task jobs (incidents: %s)", incidents()).hasSize(1);
        assertThat(jobs.get(0).getElementId()).isEqualTo(elementId);
        return jobs.get(0);
    }

    void assertNoJob(String jobType) {
        assertThat(activate(jobType)).as("jobs of type %s", jobType).isEmpty();
    }

    void complete(ActivatedJob job, Map<String, Object> variables) {
        client.newCompleteCommand(job.getKey()).variables(variables).send().join();
        idle();
    }

    ActivatedJob complete(String jobType, Map<String, Object> variables) {
        ActivatedJob job = job(jobType);
        complete(job, variables);
        return job;
    }

    ActivatedJob complete(String jobType) {
        return complete(jobType, Map.of());
    }

    void publish(String messageName, Map<String, Object> variables) {
        client.newPublishMessageCommand().messageName(messageName).correlationKey(ticketId)
                .variables(variables).timeToLive(Duration.ofMinutes(1)).send().join();
        idle();
    }

    // ------------------------------------------------------------------ common stretches of the processes

    /** Runs a service request from receipt to the automation gateway. */
    void triage(String category, double classificationConfidence, String runbookId, double retrievalConfidence) {
        complete("communication.acknowledge");
        complete("triage.classify", Map.of("category", category, "classificationConfidence", classificationConfidence,
                "impact", "medium", "urgency", "high"));
        Map<String, Object> runbook = new HashMap<>();
        runbook.put("runbookId", runbookId);
        runbook.put("retrievalConfidence", retrievalConfidence);
        complete("knowledge.find-runbooks", runbook);
        startSlaClock(slaWarnIn, slaBreachIn);
    }

    ActivatedJob startSlaClock(Duration warnIn, Duration breachIn) {
        return complete("sla.start-clock", Map.of("slaWarningAt", in(warnIn), "slaBreachAt", in(breachIn)));
    }

    /**
     * Completes the routing-driven assignment (and, in a service request, the escalation package
     * and the requester's notice that follow it) and
     * returns the assign job (carrying the routing result).
     */
    ActivatedJob assign(Duration shiftEndsIn) {
        ActivatedJob assign = complete("ticket.assign", Map.of("shiftEndsAt", in(shiftEndsIn)));
        if (assign.getBpmnProcessId().equals("service-request")) {
            complete("escalation.prepare-package", Map.of("escalationBriefing", "## Briefing"));
            complete("communication.notify-escalation");
        }
        return assign;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> routing(ActivatedJob job) {
        return (Map<String, Object>) job.getVariablesAsMap().get("routing");
    }

    static String supportCentreFor(int utcHour) {
        if (utcHour >= 7 && utcHour < 15) {
            return "emea-lisbon";
        }
        if (utcHour >= 15 && utcHour < 23) {
            return "amer-austin";
        }
        return "apac-manila";
    }
}

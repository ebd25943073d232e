package io.tierzero.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The engine's current operational state, folded from its records in log order: what is active, which jobs
 * failed, which incidents are open. Only events count (commands and rejections change nothing). Not thread-safe:
 * its owner serialises {@link #apply} and the queries.
 */
class EngineRecordProjection {

    private final ObjectMapper json;
    /** bpmnProcessId -> elementId -> name, from the latest deployed version. */
    private final Map<String, Map<String, String>> elementNames = new TreeMap<>();
    /** Element instances between ELEMENT_ACTIVATING and ELEMENT_COMPLETED or ELEMENT_TERMINATED. */
    private final Map<Long, ActiveElement> activeElements = new HashMap<>();
    private final Map<Long, Map<String, String>> ticketVariables = new HashMap<>();
    /** Jobs not completed or cancelled yet. */
    private final Map<Long, LiveJob> jobs = new HashMap<>();
    private final Map<Long, Record<IncidentRecordValue>> openIncidents = new LinkedHashMap<>();
    private final Map<Long, Instant> resolvedIncidents = new HashMap<>();

    EngineRecordProjection(ObjectMapper json) {
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    void apply(Record<?> record) {
        if (record.getRecordType() != RecordType.EVENT) {
            return;
        }
        switch (record.getValueType()) {
            case PROCESS -> processDeployed((Record<Process>) record);
            case PROCESS_INSTANCE -> elementChanged((Record<ProcessInstanceRecordValue>) record);
            case VARIABLE -> variableSet((Record<VariableRecordValue>) record);
            case JOB -> jobChanged((Record<JobRecordValue>) record);
            case INCIDENT -> incidentChanged((Record<IncidentRecordValue>) record);
            default -> {
            }
        }
    }

    List<ProcessActivity> processes() {
        Map<String, Map<String, Long>> countsByProcess = activeElements.values().stream()
                .filter(element -> element.type() != BpmnElementType.PROCESS
                        // the body of a multi-instance activity has the activity's id: count its instances only
                        && element.type() != BpmnElementType.MULTI_INSTANCE_BODY)
                .collect(Collectors.groupingBy(ActiveElement::bpmnProcessId, TreeMap::new,
                        Collectors.groupingBy(ActiveElement::elementId, TreeMap::new, Collectors.counting())));
        Map<String, Long> instancesByProcess = activeElements.values().stream()
                .filter(element -> element.type() == BpmnElementType.PROCESS)
                .collect(Collectors.groupingBy(ActiveElement::bpmnProcessId, Collectors.counting()));
        Set<String> processIds = new TreeSet<>(elementNames.keySet());
        processIds.addAll(instancesByProcess.keySet());
        return processIds.stream().map(processId -> {
            Map<String, String> names = elementNames.getOrDefault(processId, Map.of());
            List<ElementActivity> elements = countsByProcess.getOrDefault(processId, Map.of()).entrySet().stream()
                    .map(count -> new ElementActivity(count.getKey(), names.get(count.getKey()), count.getValue()))
                    .toList();
            return new ProcessActivity(processId, instancesByProcess.getOrDefault(processId, 0L), elements);
        }).toList();
    }

    List<OpenIncident> openIncidents() {
        return openIncidents.values().stream().map(this::incident)
                .sorted(Comparator.comparing(OpenIncident::createdAt)).toList();
    }

    ProcessOperations.IncidentLookup incident(long incidentKey) {
        Record<IncidentRecordValue> open = openIncidents.get(incidentKey);
        if (open != null) {
            return new ProcessOperations.IncidentLookup.Open(incident(open));
        }
        Instant resolvedAt = resolvedIncidents.get(incidentKey);
        return resolvedAt != null ? new ProcessOperations.IncidentLookup.Resolved(incidentKey, resolvedAt)
                : new ProcessOperations.IncidentLookup.Unknown(incidentKey);
    }

    List<FailingJob> failingJobs() {
        return jobs.entrySet().stream()
                .filter(job -> job.getValue().failedAt() != null && job.getValue().retries() > 0)
                .map(job -> {
                    LiveJob live = job.getValue();
                    return new FailingJob(job.getKey(), live.type(), live.retries(), live.errorMessage(), live.failedAt(),
                            live.processInstanceKey(), live.bpmnProcessId(), live.elementId(),
                            ticketOf(live.processInstanceKey()));
                })
                .sorted(Comparator.comparing(FailingJob::failedAt)).toList();
    }

    private void processDeployed(Record<Process> record) {
        if (record.getIntent() != ProcessIntent.CREATED) {
            return;
        }
        Process process = record.getValue();
        elementNames.put(process.getBpmnProcessId(), BpmnElementNames.of(process.getResource()));
    }

    private void elementChanged(Record<ProcessInstanceRecordValue> record) {
        ProcessInstanceRecordValue element = record.getValue();
        if (record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATING) {
            activeElements.put(record.getKey(),
                    new ActiveElement(element.getBpmnProcessId(), element.getElementId(), element.getBpmnElementType()));
        } else if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                || record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
            activeElements.remove(record.getKey());
            if (element.getBpmnElementType() == BpmnElementType.PROCESS) {
                ticketVariables.remove(element.getProcessInstanceKey());
            }
        }
    }

    private void variableSet(Record<VariableRecordValue> record) {
        VariableRecordValue variable = record.getValue();
        if (variable.getScopeKey() != variable.getProcessInstanceKey() || !TicketVariables.NAMES.contains(variable.getName())) {
            return;
        }
        String text = TicketVariables.text(json, variable.getValue());
        if (text != null) {
            ticketVariables.computeIfAbsent(variable.getProcessInstanceKey(), key -> new HashMap<>())
                    .put(variable.getName(), text);
        }
    }

    private void jobChanged(Record<JobRecordValue> record) {
        JobRecordValue job = record.getValue();
        JobIntent intent = (JobIntent) record.getIntent();
        switch (intent) {
            case CREATED -> jobs.put(record.getKey(), new LiveJob(job.getType(), job.getRetries(),
                    job.getProcessInstanceKey(), job.getBpmnProcessId(), job.getElementId(), null, null));
            case FAILED -> jobs.computeIfPresent(record.getKey(), (key, live) -> live.failed(job.getRetries(),
                    job.getErrorMessage(), Instant.ofEpochMilli(record.getTimestamp())));
            case RETRIES_UPDATED -> jobs.computeIfPresent(record.getKey(), (key, live) -> live.withRetries(job.getRetries()));
            case COMPLETED, CANCELED -> jobs.remove(record.getKey());
            default -> {
            }
        }
    }

    private void incidentChanged(Record<IncidentRecordValue> record) {
        if (record.getIntent() == IncidentIntent.CREATED) {
            openIncidents.put(record.getKey(), record);
        } else if (record.getIntent() == IncidentIntent.RESOLVED) {
            openIncidents.remove(record.getKey());
            resolvedIncidents.put(record.getKey(), Instant.ofEpochMilli(record.getTimestamp()));
        }
    }

    private OpenIncident incident(Record<IncidentRecordValue> record) {
        IncidentRecordValue incident = record.getValue();
        boolean fromJob = incident.getJobKey() > 0;
        LiveJob job = fromJob ? jobs.get(incident.getJobKey()) : null;
        return new OpenIncident(record.getKey(), incident.getProcessInstanceKey(), incident.getBpmnProcessId(),
                incident.getElementId(), fromJob ? incident.getJobKey() : null, job == null ? null : job.type(),
                incident.getErrorType().name(), incident.getErrorMessage(), Instant.ofEpochMilli(record.getTimestamp()),
                ticketOf(incident.getProcessInstanceKey()));
    }

    private InstanceTicket ticketOf(long processInstanceKey) {
        return TicketVariables.ticketOf(ticketVariables.get(processInstanceKey));
    }

    private record ActiveElement(String bpmnProcessId, String elementId, BpmnElementType type) {
    }

    private record LiveJob(String type, int retries, long processInstanceKey, String bpmnProcessId, String elementId,
                           String errorMessage, Instant failedAt) {

        LiveJob failed(int retriesLeft, String message, Instant at) {
            return new LiveJob(type, retriesLeft, processInstanceKey, bpmnProcessId, elementId, message, at);
        }

        LiveJob withRetries(int newRetries) {
            return new LiveJob(type, newRetries, processInstanceKey, bpmnProcessId, elementId, errorMessage, failedAt);
        }
    }
}

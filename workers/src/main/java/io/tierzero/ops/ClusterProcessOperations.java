package io.tierzero.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.Job;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.statistics.response.ProcessElementStatistics;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The operations view of a Camunda 8.8 cluster (the external profile), through the Orchestration Cluster REST
 * API's searches. They read the cluster's secondary storage, so what they show lags the engine by its export
 * delay (usually a second or two). The cluster does not say when a job last failed: failedAt is null here.
 */
@Component
@ConditionalOnProperty(name = "tierzero.mode", havingValue = "external")
class ClusterProcessOperations implements ProcessOperations {

    /** One page of each list: the ops view shows at most this many rows of each. */
    static final int PAGE = 200;

    private final CamundaClient camunda;
    private final IncidentRetryCommands commands;
    private final ObjectMapper json;

    ClusterProcessOperations(CamundaClient camunda, IncidentRetryCommands commands, ObjectMapper json) {
        this.camunda = camunda;
        this.commands = commands;
        this.json = json;
    }

    @Override
    public List<ProcessActivity> processes() {
        Map<String, List<ProcessDefinition>> versions = camunda.newProcessDefinitionSearchRequest()
                .page(page -> page.limit(PAGE)).send().join().items().stream()
                .collect(Collectors.groupingBy(ProcessDefinition::getProcessDefinitionId, TreeMap::new, Collectors.toList()));
        return versions.entrySet().stream().map(process -> activity(process.getKey(), process.getValue())).toList();
    }

    private ProcessActivity activity(String processId, List<ProcessDefinition> versions) {
        ProcessDefinition latest = versions.stream().max(Comparator.comparingInt(ProcessDefinition::getVersion)).orElseThrow();
        Map<String, String> names = BpmnElementNames.of(camunda.newProcessDefinitionGetXmlRequest(latest.getProcessDefinitionKey())
                .send().join().getBytes(StandardCharsets.UTF_8));
        Map<String, Long> active = new TreeMap<>();
        for (ProcessDefinition version : versions) {
            for (ProcessElementStatistics element : camunda.newProcessDefinitionElementStatisticsRequest(
                    version.getProcessDefinitionKey()).send().join()) {
                // element instances waiting on an incident are counted apart from the active ones; both still run
                long running = zeroIfNull(element.getActive()) + zeroIfNull(element.getIncidents());
                if (running > 0 && !element.getElementId().equals(processId)) {
                    active.merge(element.getElementId(), running, Long::sum);
                }
            }
        }
        long instances = zeroIfNull(camunda.newProcessInstanceSearchRequest()
                .filter(filter -> filter.processDefinitionId(processId).state(ProcessInstanceState.ACTIVE))
                .page(page -> page.limit(1)).send().join().page().totalItems());
        return new ProcessActivity(processId, instances, active.entrySet().stream()
                .map(count -> new ElementActivity(count.getKey(), names.get(count.getKey()), count.getValue())).toList());
    }

    @Override
    public List<OpenIncident> openIncidents() {
        List<Incident> incidents = camunda.newIncidentSearchRequest()
                .filter(filter -> filter.state(IncidentState.ACTIVE))
                .sort(sort -> sort.creationTime().asc())
                .page(page -> page.limit(PAGE)).send().join().items();
        List<Long> jobKeys = incidents.stream().map(Incident::getJobKey).filter(Objects::nonNull).distinct().toList();
        Map<Long, String> jobTypes = jobKeys.isEmpty() ? Map.of() : camunda.newJobSearchRequest()
                .filter(filter -> filter.jobKey(key -> key.in(jobKeys))).page(page -> page.limit(jobKeys.size()))
                .send().join().items().stream().collect(Collectors.toMap(Job::getJobKey, Job::getType));
        Map<Long, InstanceTicket> tickets = ticketsOf(incidents.stream().map(Incident::getProcessInstanceKey).toList());
        return incidents.stream().map(incident -> incident(incident, jobTypes.get(incident.getJobKey()),
                tickets.get(incident.getProcessInstanceKey()))).toList();
    }

    @Override
    public IncidentLookup incident(long incidentKey) {
        Incident incident;
        try {
            incident = camunda.newIncidentGetRequest(incidentKey).send().join();
        } catch (ClientHttpException e) {
            if (e.code() == 404) {
                return new IncidentLookup.Unknown(incidentKey);
            }
            throw e;
        }
        if (incident.getState() == IncidentState.RESOLVED) {
            return new IncidentLookup.Resolved(incidentKey, null);
        }
        String jobType = incident.getJobKey() == null ? null : camunda.newJobSearchRequest()
                .filter(filter -> filter.jobKey(incident.getJobKey())).send().join()
                .items().stream().findFirst().map(Job::getType).orElse(null);
        return new IncidentLookup.Open(incident(incident, jobType,
                ticketsOf(List.of(incident.getProcessInstanceKey())).get(incident.getProcessInstanceKey())));
    }

    @Override
    public List<FailingJob> failingJobs() {
        List<Job> jobs = camunda.newJobSearchRequest()
                .filter(filter -> filter.hasFailedWithRetriesLeft(true))
                .page(page -> page.limit(PAGE)).send().join().items();
        Map<Long, InstanceTicket> tickets = ticketsOf(jobs.stream().map(Job::getProcessInstanceKey).toList());
        return jobs.stream().map(job -> new FailingJob(job.getJobKey(), job.getType(), job.getRetries(),
                job.getErrorMessage(), null, job.getProcessInstanceKey(), job.getProcessDefinitionId(), job.getElementId(),
                tickets.get(job.getProcessInstanceKey()))).toList();
    }

    @Override
    public void retry(OpenIncident incident, int retries) {
        commands.retry(incident, retries);
    }

    private static OpenIncident incident(Incident incident, String jobType, InstanceTicket ticket) {
        return new OpenIncident(incident.getIncidentKey(), incident.getProcessInstanceKey(),
                incident.getProcessDefinitionId(), incident.getElementId(), incident.getJobKey(), jobType,
                incident.getErrorType().name(), incident.getErrorMessage(),
                incident.getCreationTime() == null ? null : incident.getCreationTime().toInstant(), ticket);
    }

    /** The tickets the instances' root variables name, by process instance key. */
    private Map<Long, InstanceTicket> ticketsOf(List<Long> processInstanceKeys) {
        List<Long> instances = processInstanceKeys.stream().filter(Objects::nonNull).distinct().toList();
        if (instances.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<String, String>> variables = new HashMap<>();
        camunda.newVariableSearchRequest()
                .filter(filter -> filter.processInstanceKey(key -> key.in(instances)).scopeKey(key -> key.in(instances))
                        .name(name -> name.in(TicketVariables.NAMES)))
                .page(page -> page.limit(instances.size() * TicketVariables.NAMES.size()))
                .send().join().items().stream()
                .filter(variable -> Objects.equals(variable.getScopeKey(), variable.getProcessInstanceKey()))
                .forEach(variable -> {
                    String text = TicketVariables.text(json, variable.getValue());
                    if (text != null) {
                        variables.computeIfAbsent(variable.getProcessInstanceKey(), key -> new HashMap<>())
                                .put(variable.getName(), text);
                    }
                });
        Map<Long, InstanceTicket> tickets = new HashMap<>();
        variables.forEach((instance, named) -> {
            InstanceTicket ticket = TicketVariables.ticketOf(named);
            if (ticket != null) {
                tickets.put(instance, ticket);
            }
        });
        return tickets;
    }

    private static long zeroIfNull(Long count) {
        return count == null ? 0 : count;
    }
}

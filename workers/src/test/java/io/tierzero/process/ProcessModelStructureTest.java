package io.tierzero.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Static checks of the deployable models: names, ids, diagram information, contract job types. */
class ProcessModelStructureTest {

    private static final Pattern READABLE_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Set<String> CONTRACT_JOB_TYPES = Set.of("communication.acknowledge", "triage.classify",
            "knowledge.find-runbooks", "sla.start-clock", "remediation.prepare-playbook", "remediation.run-playbook",
            "communication.notify-automation-result", "escalation.prepare-package",
            "communication.notify-escalation", "communication.notify-resolution", "knowledge.index-resolved", "communication.request-confirmation",
            "ticket.assign", "routing.hand-off", "escalation.escalate-tier", "sla.pause-clock", "sla.resume-clock",
            "sla.warn", "sla.record-breach", "ticket.resolve", "ticket.reopen", "ticket.close", "incident.declare-major");
    private static final Map<String, String> DECISION_RESULTS = Map.of("priority-matrix", "priority",
            "sla-targets", "slaTargets", "automation-eligibility", "automationDecision", "routing", "routing",
            "approval-policy", "approval");

    private static BpmnModelInstance read(String resource) {
        InputStream in = ProcessModelStructureTest.class.getClassLoader().getResourceAsStream(resource);
        assertThat(in).as(resource).isNotNull();
        BpmnModelInstance model = Bpmn.readModelFromStream(in);
        Bpmn.validateModel(model);
        return model;
    }

    @ParameterizedTest
    @CsvSource({"processes/service-request.bpmn,service-request,Service request lifecycle",
            "processes/incident.bpmn,incident,Incident lifecycle"})
    void processIdAndName(String resource, String processId, String name) {
        Process process = read(resource).getModelElementsByType(Process.class).iterator().next();
        assertThat(process.getId()).isEqualTo(processId);
        assertThat(process.getName()).isEqualTo(name);
        assertThat(process.isExecutable()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"processes/service-request.bpmn", "processes/incident.bpmn"})
    void everyElementIsNamedReadableAndDrawn(String resource) {
        BpmnModelInstance model = read(resource);
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Map<String, BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .collect(Collectors.toMap(e -> e.getBpmnElement().getId(), e -> e));

        assertThat(model.getModelElementsByType(FlowNode.class)).isNotEmpty().allSatisfy(node -> {
            assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
            assertThat(node.getId()).as("id").matches(READABLE_ID);
            assertThat(shapes).as("DI shape of %s", node.getId()).contains(node.getId());
        });
        assertThat(model.getModelElementsByType(SequenceFlow.class)).isNotEmpty().allSatisfy(flow -> {
            assertThat(flow.getId()).matches(READABLE_ID);
            assertThat(edges).as("DI edge of %s", flow.getId()).containsKey(flow.getId());
            assertThat(edges.get(flow.getId()).getWaypoints()).as("waypoints of %s", flow.getId()).hasSizeGreaterThanOrEqualTo(2);
        });
        // every flow leaving a splitting gateway says which way it goes
        for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
            if (gateway.getOutgoing().size() > 1) {
                assertThat(gateway.getOutgoing()).allSatisfy(flow ->
                        assertThat(flow.getName()).as("name of %s leaving %s", flow.getId(), gateway.getId()).isNotBlank());
            }
        }
        // exclusive gateways that split: conditions on all but the default
        for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
            for (SequenceFlow flow : gateway.getOutgoing()) {
                if (gateway.getOutgoing().size() > 1 && flow != gateway.getDefault()) {
                    assertThat(flow.getConditionExpression()).as("condition of %s", flow.getId()).isNotNull();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"processes/service-request.bpmn", "processes/incident.bpmn"})
    void tasksUseTheContract(String resource) {
        BpmnModelInstance model = read(resource);
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            ZeebeTaskDefinition definition = task.getSingleExtensionElement(ZeebeTaskDefinition.class);
            assertThat(definition).as("task definition of %s", task.getId()).isNotNull();
            assertThat(CONTRACT_JOB_TYPES).as("job type of %s", task.getId()).contains(definition.getType());
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            ZeebeCalledDecision decision = task.getSingleExtensionElement(ZeebeCalledDecision.class);
            assertThat(decision).as("called decision of %s", task.getId()).isNotNull();
            assertThat(DECISION_RESULTS).containsEntry(decision.getDecisionId(), decision.getResultVariable());
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getSingleExtensionElement(ZeebeUserTask.class)).as("job-based user task %s", task.getId()).isNull();
            assertThat(task.getSingleExtensionElement(ZeebeAssignmentDefinition.class).getCandidateGroups()).isNotBlank();
            assertThat(task.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId()).isEqualTo(task.getId());
        }
        assertThat(model.getModelElementsByType(BoundaryEvent.class)).allSatisfy(event ->
                assertThat(event.getEventDefinitions()).hasSize(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"processes/service-request.bpmn", "processes/incident.bpmn"})
    void bothLifecyclesHaveTheSameAutomatedPath(String resource) {
        BpmnModelInstance model = read(resource);
        Map<String, String> jobTypes = Map.of("find-runbooks", "knowledge.find-runbooks",
                "prepare-playbook", "remediation.prepare-playbook", "run-remediation", "remediation.run-playbook");
        jobTypes.forEach((id, type) -> assertThat(model.<ServiceTask>getModelElementById(id)
                .getSingleExtensionElement(ZeebeTaskDefinition.class).getType()).as(id).isEqualTo(type));
        Map<String, String> decisions = Map.of("decide-automation", "automation-eligibility",
                "determine-approval", "approval-policy");
        decisions.forEach((id, decision) -> assertThat(model.<BusinessRuleTask>getModelElementById(id)
                .getSingleExtensionElement(ZeebeCalledDecision.class).getDecisionId()).as(id).isEqualTo(decision));
        UserTask approval = model.getModelElementById("approve-automated-action");
        assertThat(approval.getSingleExtensionElement(ZeebeAssignmentDefinition.class).getCandidateGroups())
                .isEqualTo("=[approval.approverRole]");
        ExclusiveGateway outcome = model.getModelElementById("remediation-outcome");
        assertThat(outcome.getDefault().getTarget().getId()).isEqualTo("join-human-path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"priority-matrix", "sla-targets", "automation-eligibility", "routing", "approval-policy"})
    void everyDecisionIsDrawnInTheDrd(String name) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document dmn;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("decisions/" + name + ".dmn")) {
            assertThat(in).isNotNull();
            dmn = factory.newDocumentBuilder().parse(in);
        }
        String model = "https://www.omg.org/spec/DMN/20191111/MODEL/";
        assertThat(dmn.getDocumentElement().getNamespaceURI()).isEqualTo(model);
        NodeList decisions = dmn.getElementsByTagNameNS(model, "decision");
        NodeList shapes = dmn.getElementsByTagNameNS("https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNShape");
        Set<String> drawn = new java.util.HashSet<>();
        for (int i = 0; i < shapes.getLength(); i++) {
            drawn.add(((org.w3c.dom.Element) shapes.item(i)).getAttribute("dmnElementRef"));
        }
        assertThat(decisions.getLength()).isPositive();
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < decisions.getLength(); i++) {
            ids.add(((org.w3c.dom.Element) decisions.item(i)).getAttribute("id"));
        }
        assertThat(ids).contains(name);
        assertThat(drawn).containsAll(ids);
    }

    @ParameterizedTest
    @CsvSource({"work-on-request,resolution;resolutionNotes;resolvedByGroup;runbookUsed;escalationReason",
            "diagnose-incident,resolutionNotes",
            "review-major-incident,reviewNotes;problemRecordNeeded",
            "approve-automated-action,approvalDecision;approvalComment"})
    void formsMatchTheContract(String formId, String keys) throws Exception {
        com.fasterxml.jackson.databind.JsonNode form;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("forms/" + formId + ".form")) {
            assertThat(in).isNotNull();
            form = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        }
        assertThat(form.get("id").asText()).isEqualTo(formId);
        assertThat(form.get("type").asText()).isEqualTo("default");
        assertThat(form.get("executionPlatform").asText()).isEqualTo("Camunda Cloud");
        assertThat(form.get("executionPlatformVersion").asText()).isEqualTo("8.8.0");
        Set<String> formKeys = new java.util.HashSet<>();
        form.get("components").forEach(c -> {
            if (c.has("key") && !c.path("readonly").asBoolean(false)) {
                formKeys.add(c.get("key").asText());
            }
        });
        assertThat(formKeys).containsExactlyInAnyOrder(keys.split(";"));
    }
}

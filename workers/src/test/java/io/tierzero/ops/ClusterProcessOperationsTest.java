package io.tierzero.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.tierzero.support.EmbeddedStackTest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster adapter against a Camunda 8.8 Orchestration Cluster REST API played by WireMock: the paths, request
 * bodies and responses of the published API description (rest-api.yaml, v2), keys as strings.
 */
class ClusterProcessOperationsTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private static WireMockServer cluster;
    private static CamundaClient camunda;

    private ClusterProcessOperations operations;

    @BeforeAll
    static void cluster() {
        cluster = new WireMockServer(wireMockConfig().dynamicPort());
        cluster.start();
        camunda = CamundaClient.newClientBuilder()
                .restAddress(URI.create(cluster.baseUrl()))
                // nothing listens there: every call must go over REST
                .grpcAddress(URI.create("http://127.0.0.1:" + EmbeddedStackTest.freePort()))
                .preferRestOverGrpc(true)
                .build();
    }

    @AfterAll
    static void stop() {
        camunda.close();
        cluster.stop();
    }

    @BeforeEach
    void operations() {
        cluster.resetAll();
        operations = new ClusterProcessOperations(camunda, new IncidentRetryCommands(camunda), new ObjectMapper());
    }

    @Test
    void activeElementInstancesAreAddedUpOverTheProcessVersionsAndNamedFromTheLatestDiagram() {
        cluster.stubFor(post(urlPathEqualTo("/v2/process-definitions/search")).willReturn(okJson("""
                {"items": [
                  {"processDefinitionKey": "2251799813685251", "processDefinitionId": "service-request", "version": 1,
                   "name": "Service request", "resourceName": "service-request.bpmn", "tenantId": "<default>", "hasStartForm": false},
                  {"processDefinitionKey": "2251799813686100", "processDefinitionId": "service-request", "version": 2,
                   "name": "Service request", "resourceName": "service-request.bpmn", "tenantId": "<default>", "hasStartForm": false}],
                 "page": {"totalItems": 2}}""")));
        cluster.stubFor(post(urlPathEqualTo("/v2/process-definitions/2251799813685251/statistics/element-instances"))
                .willReturn(okJson("""
                        {"items": [
                          {"elementId": "service-request", "active": 1, "canceled": 0, "incidents": 0, "completed": 4},
                          {"elementId": "work-on-request", "active": 1, "canceled": 0, "incidents": 0, "completed": 3}]}""")));
        cluster.stubFor(post(urlPathEqualTo("/v2/process-definitions/2251799813686100/statistics/element-instances"))
                .willReturn(okJson("""
                        {"items": [
                          {"elementId": "service-request", "active": 2, "canceled": 0, "incidents": 1, "completed": 0},
                          {"elementId": "work-on-request", "active": 1, "canceled": 0, "incidents": 0, "completed": 0},
                          {"elementId": "notify-requester", "active": 0, "canceled": 0, "incidents": 1, "completed": 2},
                          {"elementId": "classify-request", "active": 0, "canceled": 1, "incidents": 0, "completed": 9}]}""")));
        cluster.stubFor(get(urlPathEqualTo("/v2/process-definitions/2251799813686100/xml"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(Bpmn.convertToString(
                        Bpmn.createExecutableProcess("service-request").startEvent()
                                .serviceTask("classify-request").name("Classify the request").zeebeJobType("triage.classify")
                                .userTask("work-on-request").name("Work on request")
                                .serviceTask("notify-requester").name("Tell the requester").zeebeJobType("communication.notify")
                                .endEvent().done()))));
        cluster.stubFor(post(urlPathEqualTo("/v2/process-instances/search"))
                .withRequestBody(matchingJsonPath("$.filter.processDefinitionId['$eq']", equalTo("service-request")))
                .withRequestBody(matchingJsonPath("$.filter.state['$eq']", equalTo("ACTIVE")))
                .willReturn(okJson("""
                        {"items": [{"processInstanceKey": "2251799813690001", "processDefinitionId": "service-request",
                          "processDefinitionKey": "2251799813686100", "processDefinitionVersion": 2, "state": "ACTIVE",
                          "startDate": "2026-12-02T09:00:00.000Z", "hasIncident": true, "tenantId": "<default>"}],
                         "page": {"totalItems": 3}}""")));

        assertThat(operations.processes()).containsExactly(new ProcessActivity("service-request", 3, List.of(
                new ElementActivity("notify-requester", "Tell the requester", 1),
                new ElementActivity("work-on-request", "Work on request", 2))));
    }

    @Test
    void openIncidentsComeWithTheirJobTypeAndTheTicketTheirInstanceNames() {
        cluster.stubFor(post(urlPathEqualTo("/v2/incidents/search"))
                .withRequestBody(matchingJsonPath("$.filter.state", equalTo("ACTIVE")))
                .withRequestBody(matchingJsonPath("$.sort[0].field", equalTo("creationTime")))
                .willReturn(okJson("""
                        {"items": [{"incidentKey": "2251799813690301", "processDefinitionKey": "2251799813686100",
                          "processDefinitionId": "service-request", "processInstanceKey": "2251799813690001",
                          "errorType": "JOB_NO_RETRIES", "errorMessage": "SMTP server refused the connection",
                          "elementId": "notify-requester", "elementInstanceKey": "2251799813690290",
                          "creationTime": "2026-12-02T10:15:30.000Z", "state": "ACTIVE",
                          "jobKey": "2251799813690299", "tenantId": "<default>"},
                         {"incidentKey": "2251799813690401", "processDefinitionKey": "2251799813686100",
                          "processDefinitionId": "service-request", "processInstanceKey": "2251799813690002",
                          "errorType": "EXTRACT_VALUE_ERROR", "errorMessage": "Expected a boolean for automate",
                          "elementId": "automation-gateway", "elementInstanceKey": "2251799813690390",
                          "creationTime": "2026-12-02T10:16:00.000Z", "state": "ACTIVE", "tenantId": "<default>"}],
                         "page": {"totalItems": 2}}""")));
        cluster.stubFor(post(urlPathEqualTo("/v2/jobs/search"))
                .withRequestBody(matchingJsonPath("$.filter.jobKey['$in'][0]", equalTo("2251799813690299")))
                .willReturn(okJson("""
                        {"items": [{"jobKey": "2251799813690299", "type": "communication.notify-resolution",
                          "worker": "tierzero", "state": "FAILED", "kind": "BPMN_ELEMENT", "listenerEventType": "UNSPECIFIED",
                          "retries": 0, "isDenied": false, "hasFailedWithRetriesLeft": false,
                          "errorMessage": "SMTP server refused the connection", "customHeaders": {},
                          "processDefinitionId": "service-request", "processDefinitionKey": "2251799813686100",
                          "processInstanceKey": "2251799813690001", "elementId": "notify-requester",
                          "elementInstanceKey": "2251799813690290", "tenantId": "<default>"}],
                         "page": {"totalItems": 1}}""")));
        cluster.stubFor(post(urlPathEqualTo("/v2/variables/search"))
                .withRequestBody(matchingJsonPath("$.filter.name['$in']"))
                .willReturn(okJson("""
                        {"items": [
                          {"variableKey": "2251799813690010", "name": "tenantId", "value": "\\"demo\\"", "isTruncated": false,
                           "scopeKey": "2251799813690001", "processInstanceKey": "2251799813690001", "tenantId": "<default>"},
                          {"variableKey": "2251799813690011", "name": "ticketId", "value": "\\"8c1e5b7e-7c5a-4f57-9a36-2f0c1e0d9a11\\"",
                           "isTruncated": false, "scopeKey": "2251799813690001", "processInstanceKey": "2251799813690001",
                           "tenantId": "<default>"},
                          {"variableKey": "2251799813690012", "name": "referenceNumber", "value": "\\"DEMO-000042\\"",
                           "isTruncated": false, "scopeKey": "2251799813690001", "processInstanceKey": "2251799813690001",
                           "tenantId": "<default>"}],
                         "page": {"totalItems": 3}}""")));

        assertThat(operations.openIncidents()).containsExactly(
                new OpenIncident(2251799813690301L, 2251799813690001L, "service-request", "notify-requester",
                        2251799813690299L, "communication.notify-resolution", "JOB_NO_RETRIES",
                        "SMTP server refused the connection", Instant.parse("2026-12-02T10:15:30Z"),
                        new InstanceTicket("demo", "8c1e5b7e-7c5a-4f57-9a36-2f0c1e0d9a11", "DEMO-000042")),
                new OpenIncident(2251799813690401L, 2251799813690002L, "service-request", "automation-gateway",
                        null, null, "EXTRACT_VALUE_ERROR", "Expected a boolean for automate",
                        Instant.parse("2026-12-02T10:16:00Z"), null));
    }

    @Test
    void failingJobsAreTheJobsThatFailedWithRetriesLeft() {
        cluster.stubFor(post(urlPathEqualTo("/v2/jobs/search"))
                .withRequestBody(matchingJsonPath("$.filter.hasFailedWithRetriesLeft", equalTo("true")))
                .willReturn(okJson("""
                        {"items": [{"jobKey": "2251799813690599", "type": "sync.push-ticket", "worker": "tierzero",
                          "state": "FAILED", "kind": "BPMN_ELEMENT", "listenerEventType": "UNSPECIFIED", "retries": 2,
                          "isDenied": false, "hasFailedWithRetriesLeft": true, "errorMessage": "ServiceNow answered 503",
                          "customHeaders": {}, "processDefinitionId": "incident", "processDefinitionKey": "2251799813686200",
                          "processInstanceKey": "2251799813690500", "elementId": "push-to-servicenow",
                          "elementInstanceKey": "2251799813690590", "tenantId": "<default>"}],
                         "page": {"totalItems": 1}}""")));
        cluster.stubFor(post(urlPathEqualTo("/v2/variables/search")).willReturn(okJson("""
                {"items": [], "page": {"totalItems": 0}}""")));

        assertThat(operations.failingJobs()).containsExactly(new FailingJob(2251799813690599L, "sync.push-ticket", 2,
                "ServiceNow answered 503", null, 2251799813690500L, "incident", "push-to-servicenow", null));
    }

    @Test
    void anIncidentIsUnknownResolvedOrOpen() {
        cluster.stubFor(get(urlPathEqualTo("/v2/incidents/2251799813699999")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", PROBLEM_JSON).withBody("""
                        {"type": "about:blank", "title": "NOT_FOUND", "status": 404,
                         "detail": "Incident with key '2251799813699999' not found", "instance": "/v2/incidents/2251799813699999"}""")));
        cluster.stubFor(get(urlPathEqualTo("/v2/incidents/2251799813690301")).willReturn(okJson("""
                {"incidentKey": "2251799813690301", "processDefinitionKey": "2251799813686100",
                 "processDefinitionId": "service-request", "processInstanceKey": "2251799813690001",
                 "errorType": "JOB_NO_RETRIES", "errorMessage": "SMTP server refused the connection",
                 "elementId": "notify-requester", "elementInstanceKey": "2251799813690290",
                 "creationTime": "2026-12-02T10:15:30.000Z", "state": "RESOLVED", "jobKey": "2251799813690299",
                 "tenantId": "<default>"}""")));

        assertThat(operations.incident(2251799813699999L)).isEqualTo(new ProcessOperations.IncidentLookup.Unknown(2251799813699999L));
        assertThat(operations.incident(2251799813690301L)).isEqualTo(new ProcessOperations.IncidentLookup.Resolved(2251799813690301L, null));
    }

    @Test
    void aRetrySetsTheJobsRetriesThenResolvesTheIncident() {
        cluster.stubFor(patch(urlPathEqualTo("/v2/jobs/2251799813690299")).willReturn(aResponse().withStatus(204)));
        cluster.stubFor(post(urlPathEqualTo("/v2/incidents/2251799813690301/resolution")).willReturn(aResponse().withStatus(204)));

        operations.retry(incident(2251799813690301L), 1);

        cluster.verify(patchRequestedFor(urlPathEqualTo("/v2/jobs/2251799813690299"))
                .withRequestBody(equalToJson("{\"changeset\": {\"retries\": 1}}", true, true)));
        cluster.verify(postRequestedFor(urlPathEqualTo("/v2/incidents/2251799813690301/resolution")));
        assertThat(cluster.getAllServeEvents().reversed().stream().map(event -> event.getRequest().getMethod().getName()))
                .as("retries first, then the resolution").containsExactly("PATCH", "POST");
    }

    @Test
    void aRetryOfAnIncidentTheClusterNoLongerHasIsRefused() {
        cluster.stubFor(patch(urlPathEqualTo("/v2/jobs/2251799813690299")).willReturn(aResponse().withStatus(204)));
        cluster.stubFor(post(urlPathEqualTo("/v2/incidents/2251799813690301/resolution")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", PROBLEM_JSON).withBody("""
                        {"type": "about:blank", "title": "NOT_FOUND", "status": 404,
                         "detail": "Command 'RESOLVE' rejected with code 'NOT_FOUND': Expected to resolve incident with key '2251799813690301', but no such incident was found",
                         "instance": "/v2/incidents/2251799813690301/resolution"}""")));

        assertThatThrownBy(() -> operations.retry(incident(2251799813690301L), 1))
                .isInstanceOf(IncidentAlreadyResolvedException.class);
    }

    private static OpenIncident incident(long incidentKey) {
        return new OpenIncident(incidentKey, 2251799813690001L, "service-request", "notify-requester", 2251799813690299L,
                "communication.notify-resolution", "JOB_NO_RETRIES", "SMTP server refused the connection",
                Instant.parse("2026-12-02T10:15:30Z"), null);
    }
}

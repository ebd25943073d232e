package io.tierzero.integration.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.tierzero.integration.Connection;
import io.tierzero.integration.ConnectorType;
import io.tierzero.integration.ExternalTicket;
import io.tierzero.integration.OutboundChange;
import io.tierzero.integration.PeerUnavailableException;
import io.tierzero.integration.RequestRejectedException;
import io.tierzero.integration.TicketField;
import io.tierzero.integration.TicketSnapshot;
import io.tierzero.integration.VersionConflictException;
import io.tierzero.integration.WriteResult;
import io.tierzero.integration.http.ExternalCallSettings;
import io.tierzero.integration.http.JsonApiCalls;
import io.tierzero.integration.http.SpecifiedPaths;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Jira connector against a WireMock Jira Cloud answering as the platform REST API v3 and the Jira Service
 * Management API document it. At the end, every request the connector made must be an operation of Atlassian's
 * published OpenAPI (the servicedeskapi operations, not in that document, are listed with their reference).
 */
class JiraConnectorContractTest {

    static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(1500);
    static final ExternalCallSettings SETTINGS =
            new ExternalCallSettings(Duration.ofSeconds(2), RESPONSE_TIMEOUT, 2, Duration.ofMillis(100), Duration.ofSeconds(5));
    static final String UPDATED = "2026-12-02T09:15:30.120+0000";

    static WireMockServer jiraCloud;
    static DefaultCamelContext camel;
    static JiraConnector connector;
    static Connection project;
    static Connection serviceDesk;
    static final List<ServeEvent> served = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        jiraCloud = new WireMockServer(options().dynamicPort());
        jiraCloud.start();
        camel = new DefaultCamelContext();
        camel.addRoutes(new JsonApiCalls(SETTINGS));
        camel.addRoutes(new JiraRoutes(SETTINGS));
        camel.start();
        connector = new JiraConnector(camel.createProducerTemplate());
        project = connection("ops", "OPS");
        serviceDesk = connection("helpdesk", "servicedesk:4:17");
    }

    static Connection connection(String name, String scope) {
        return new Connection("acme", name, ConnectorType.JIRA, URI.create(jiraCloud.baseUrl()), "bot@acme.example",
                "api-token", scope, Map.of(), Map.of(), Map.of(), Duration.ofSeconds(30), true, null);
    }

    @AfterAll
    static void stop() {
        try {
            String jsm = "Jira Service Management Cloud REST API reference, developer.atlassian.com/cloud/jira/service-desk/rest";
            SpecifiedPaths.load("jira-platform-v3/swagger-v3.v3.json")
                    .plus("POST", "/rest/servicedeskapi/request", jsm)
                    .plus("POST", "/rest/servicedeskapi/request/{issueIdOrKey}/comment", jsm)
                    .plus("GET", "/rest/servicedeskapi/servicedesk/{serviceDeskId}", jsm)
                    .plus("GET", "/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype", jsm)
                    .assertEveryRequestSpecified(served);
        } finally {
            camel.stop();
            jiraCloud.stop();
        }
    }

    @BeforeEach
    void reset() {
        jiraCloud.resetAll();
    }

    @AfterEach
    void rememberRequests() {
        served.addAll(jiraCloud.getAllServeEvents());
    }

    static TicketSnapshot ticket(String state) {
        return new TicketSnapshot("acme", "t-1", "TZ-1042", "VPN drops every hour", "Since Monday.\nEvery hour.",
                state, "P2", "Network", null, "Ada Lovelace", "ada@acme.example", List.of());
    }

    static String issue(String key, String updated, String status, String category) {
        return """
                {"id":"100%s","key":"%s","self":"https://acme.atlassian.net/rest/api/3/issue/100%s","fields":{
                  "summary":"VPN drops every hour",
                  "description":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Since Monday."}]},
                    {"type":"paragraph","content":[{"type":"text","text":"Every hour."}]}]},
                  "status":{"name":"%s","id":"3","statusCategory":{"key":"%s","id":4,"name":"In Progress"}},
                  "priority":{"name":"High","id":"2"},
                  "reporter":{"accountId":"5b10a2844c20165700ede21g","displayName":"Ada Lovelace","emailAddress":"ada@acme.example"},
                  "labels":["vpn","tierzero-TZ-1042"],
                  "updated":"%s",
                  "comment":{"comments":[
                    {"id":"10000","author":{"displayName":"Mia Krystof"},"jsdPublic":true,"created":"2026-12-02T09:10:00.000+0000",
                     "body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Looking into it."}]}]}},
                    {"id":"10001","author":{"displayName":"Mia Krystof"},"jsdPublic":false,"created":"2026-12-02T09:12:00.000+0000",
                     "body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Gateway DPD timeouts."}]}]}}],
                   "maxResults":2,"total":2,"startAt":0}}}"""
                .formatted(key.replaceAll("\\D", ""), key, key.replaceAll("\\D", ""), status, category, updated);
    }

    static void stubIssue(String key, String updated, String status) {
        jiraCloud.stubFor(get(urlPathEqualTo("/rest/api/3/issue/" + key))
                .willReturn(okJson(issue(key, updated, status, "indeterminate"))));
    }

    @Test
    void createsAnIssueLabelledWithTierZerosReference() {
        jiraCloud.stubFor(post(urlPathEqualTo("/rest/api/3/issue"))
                .withHeader("Authorization", equalTo("Basic Ym90QGFjbWUuZXhhbXBsZTphcGktdG9rZW4="))
                .withRequestBody(matchingJsonPath("$.fields.project.key", equalTo("OPS")))
                .withRequestBody(matchingJsonPath("$.fields.issuetype.name", equalTo("Task")))
                .withRequestBody(matchingJsonPath("$.fields.summary", equalTo("VPN drops every hour")))
                .withRequestBody(matchingJsonPath("$.fields.description.type", equalTo("doc")))
                .withRequestBody(matchingJsonPath("$.fields.description.content[1].content[0].text", equalTo("Every hour.")))
                .withRequestBody(matchingJsonPath("$.fields.priority.name", equalTo("High")))
                .withRequestBody(matchingJsonPath("$.fields.labels[0]", equalTo("tierzero-TZ-1042")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"10042\",\"key\":\"OPS-42\",\"self\":\"https://acme.atlassian.net/rest/api/3/issue/10042\"}")));
        stubIssue("OPS-42", UPDATED, "Open");

        WriteResult created = connector.write(project, OutboundChange.create(ticket("new"), "create-TZ-1042"));

        assertThat(created).isEqualTo(new WriteResult("OPS-42", UPDATED));
    }

    @Test
    void raisesAServiceManagementRequestOnBehalfOfTheRequester() {
        jiraCloud.stubFor(post(urlPathEqualTo("/rest/servicedeskapi/request"))
                .withRequestBody(matchingJsonPath("$.serviceDeskId", equalTo("4")))
                .withRequestBody(matchingJsonPath("$.requestTypeId", equalTo("17")))
                .withRequestBody(matchingJsonPath("$.requestFieldValues.summary", equalTo("VPN drops every hour")))
                .withRequestBody(matchingJsonPath("$.requestFieldValues.labels[0]", equalTo("tierzero-TZ-1042")))
                .withRequestBody(matchingJsonPath("$.raiseOnBehalfOf", equalTo("ada@acme.example")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"issueId":"10107","issueKey":"HELP-7","requestTypeId":"17","serviceDeskId":"4",
                         "createdDate":{"iso8601":"2026-12-02T09:15:30+0000","epochMillis":1796202930000},
                         "currentStatus":{"status":"Waiting for support","statusCategory":"NEW"}}""")));
        stubIssue("HELP-7", UPDATED, "Waiting for support");

        WriteResult created = connector.write(serviceDesk, OutboundChange.create(ticket("new"), "create-TZ-1042"));

        assertThat(created).isEqualTo(new WriteResult("HELP-7", UPDATED));
    }

    @Test
    void listsTheRequestTypesOfTheServiceDesk() {
        jiraCloud.stubFor(get(urlPathEqualTo("/rest/servicedeskapi/servicedesk/4/requesttype")).willReturn(okJson("""
                {"size":2,"start":0,"limit":50,"isLastPage":true,"values":[
                  {"id":"17","name":"Get IT help","description":"","serviceDeskId":"4","groupIds":["12"]},
                  {"id":"18","name":"Request new software","description":"","serviceDeskId":"4","groupIds":["12"]}]}""")));

        assertThat(connector.requestTypes(serviceDesk)).containsExactly(
                Map.entry("17", "Get IT help"), Map.entry("18", "Request new software"));
    }

    @Test
    void fetchesAnIssueWithItsCommentsInTierZerosTerms() {
        stubIssue("OPS-42", UPDATED, "Waiting for customer");

        ExternalTicket ticket = connector.fetch(project, "OPS-42").orElseThrow();

        assertThat(ticket.version()).isEqualTo(UPDATED);
        assertThat(ticket.updatedAt()).isEqualTo(Instant.parse("2026-12-02T09:15:30.120Z"));
        assertThat(ticket.description()).isEqualTo("Since Monday.\nEvery hour.");
        assertThat(ticket.state()).isEqualTo("pending_customer");
        assertThat(ticket.priority()).isEqualTo("P2");
        assertThat(ticket.tierZeroReference()).isEqualTo("TZ-1042");
        assertThat(ticket.requesterEmail()).isEqualTo("ada@acme.example");
        assertThat(ticket.comments()).extracting(c -> c.body() + "/" + c.publicReply())
                .containsExactly("Looking into it./true", "Gateway DPD timeouts./false");
        jiraCloud.verify(getRequestedFor(urlPathEqualTo("/rest/api/3/issue/OPS-42"))
                .withQueryParam("fields", equalTo(JiraTranslation.FIELDS)));
    }

    @Test
    void fetchOfAnIssueJiraDoesNotKnowFindsNothing() {
        jiraCloud.stubFor(get(urlPathEqualTo("/rest/api/3/issue/OPS-404")).willReturn(notFound()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],\"errors\":{}}")));

        assertThat(connector.fetch(project, "OPS-404")).isEmpty();
    }

    @Test
    void changedSinceFollowsNextPageTokenUntilTheLastPage() {
        String jql = "project = \"OPS\" AND updated >= \"2026/12/02 08:00\" ORDER BY updated ASC";
        jiraCloud.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql"))
                .withQueryParam("jql", equalTo(jql)).withQueryParam("nextPageToken", absent())
                .willReturn(okJson("{\"issues\":[" + issue("OPS-1", "2026-12-02T08:00:10.000+0000", "Open", "new") + ","
                        + issue("OPS-2", "2026-12-02T08:20:00.000+0000", "In Progress", "indeterminate")
                        + "],\"nextPageToken\":\"CAEaAggD\",\"isLast\":false}")));
        jiraCloud.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql"))
                .withQueryParam("jql", equalTo(jql)).withQueryParam("nextPageToken", equalTo("CAEaAggD"))
                .willReturn(okJson("{\"issues\":[" + issue("OPS-3", "2026-12-02T09:00:00.000+0000", "Done", "done")
                        + "],\"isLast\":true}")));

        List<ExternalTicket> changed = connector.changedSince(project, Instant.parse("2026-12-02T08:00:45Z"));

        assertThat(changed).extracting(ExternalTicket::externalId).containsExactly("OPS-1", "OPS-2", "OPS-3");
        assertThat(changed).extracting(ExternalTicket::state).containsExactly("new", "in_progress", "resolved");
        jiraCloud.verify(2, getRequestedFor(urlPathEqualTo("/rest/api/3/search/jql")));
    }

    @Test
    void changedSinceOfAServiceDeskSearchesItsProject() {
        jiraCloud.stubFor(get(urlPathEqualTo("/rest/servicedeskapi/servicedesk/4")).willReturn(okJson(
                "{\"id\":\"4\",\"projectId\":\"10002\",\"projectName\":\"IT Help\",\"projectKey\":\"HELP\"}")));
        jiraCloud.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql"))
                .withQueryParam("jql", equalTo("project = \"HELP\" AND updated >= \"2026/12/02 08:00\" ORDER BY updated ASC"))
                .willReturn(okJson("{\"issues\":[],\"isLast\":true}")));

        assertThat(connector.changedSince(serviceDesk, Instant.parse("2026-12-02T08:00:00Z"))).isEmpty();
    }

    @Test
    void updateRefusesWhenTheIssueWasUpdatedSinceTheExpectedVersion() {
        stubIssue("OPS-42", "2026-12-02T09:30:00.000+0000", "In Progress");

        OutboundChange update = OutboundChange.update("OPS-42", UPDATED, ticket("in_progress"), Set.of(TicketField.SUBJECT), "u-1");

        assertThatThrownBy(() -> connector.write(project, update)).isInstanceOf(VersionConflictException.class);
        jiraCloud.verify(0, putRequestedFor(urlPathEqualTo("/rest/api/3/issue/OPS-42")));
    }

    @Test
    void updateWritesTheFieldsThenTakesTheTransitionToTheMappedStatus() {
        String after = "2026-12-02T09:40:00.000+0000";
        jiraCloud.stubFor(get(urlPathEqualTo("/rest/api/3/issue/OPS-42")).inScenario("update")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(issue("OPS-42", UPDATED, "In Progress", "indeterminate"))));
        jiraCloud.stubFor(put(urlPathEqualTo("/rest/api/3/issue/OPS-42"))
                .withRequestBody(equalToJson("{\"fields\":{\"summary\":\"VPN drops every hour\"}}"))
                .willReturn(aResponse().withStatus(204)));
        jiraCloud.stubFor(get(urlPathEqualTo("/rest/api/3/issue/OPS-42/transitions")).willReturn(okJson("""
                {"expand":"transitions","transitions":[
                  {"id":"21","name":"Pause","hasScreen":false,"isGlobal":false,"isInitial":false,"isAvailable":true,"isConditional":false,
                   "to":{"name":"Waiting for customer","id":"10003","statusCategory":{"key":"indeterminate"}}},
                  {"id":"31","name":"Resolve this issue","hasScreen":false,"isGlobal":false,"isInitial":false,"isAvailable":true,"isConditional":false,
                   "to":{"name":"Resolved","id":"5","statusCategory":{"key":"done"}}}]}""")));
        jiraCloud.stubFor(post(urlPathEqualTo("/rest/api/3/issue/OPS-42/transitions")).inScenario("update")
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(equalToJson("{\"transition\":{\"id\":\"31\"}}"))
                .willReturn(aResponse().withStatus(204)).willSetStateTo("resolved"));
        jiraCloud.stubFor(get(urlPathEqualTo("/rest/api/3/issue/OPS-42")).inScenario("update")
                .whenScenarioStateIs("resolved")
                .willReturn(okJson(issue("OPS-42", after, "Resolved", "done"))));

        WriteResult updated = connector.write(project, OutboundChange.update("OPS-42", UPDATED, ticket("resolved"),
                Set.of(TicketField.SUBJECT, TicketField.STATE), "u-2"));

        assertThat(updated).isEqualTo(new WriteResult("OPS-42", after));
        jiraCloud.verify(1, postRequestedFor(urlPathEqualTo("/rest/api/3/issue/OPS-42/transitions")));
    }

    @Test
    void aStateTheWorkflowCannotReachFromHereIsRejected() {
        stubIssue("OPS-42", UPDATED, "In Progress");
        jiraCloud.stubFor(get(urlPathEqualTo("/rest/api/3/issue/OPS-42/transitions"))
                .willReturn(okJson("{\"transitions\":[{\"id\":\"21\",\"name\":\"Pause\",\"to\":{\"name\":\"Waiting for customer\"}}]}")));

        assertThatThrownBy(() -> connector.write(project, OutboundChange.update("OPS-42", UPDATED, ticket("closed"),
                Set.of(TicketField.STATE), "u-3")))
                .isInstanceOf(RequestRejectedException.class)
                .hasMessageContaining("no transition from In Progress to Closed");
        jiraCloud.verify(0, postRequestedFor(urlPathEqualTo("/rest/api/3/issue/OPS-42/transitions")));
    }

    @Test
    void publicCommentsGoToTheIssueAndInternalNotesOfAServiceDeskThroughItsRequestApi() {
        stubIssue("HELP-7", UPDATED, "In Progress");
        jiraCloud.stubFor(post(urlPathEqualTo("/rest/api/3/issue/HELP-7/comment")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"10010\",\"created\":\"" + UPDATED + "\"}")));
        jiraCloud.stubFor(post(urlPathEqualTo("/rest/servicedeskapi/request/HELP-7/comment")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"10011\",\"body\":\"x\",\"public\":false}")));

        WriteResult reply = connector.write(serviceDesk, OutboundChange.comment("HELP-7", ticket("in_progress"), "We are on it.", true, "c-1"));
        WriteResult note = connector.write(serviceDesk, OutboundChange.comment("HELP-7", ticket("in_progress"), "Gateway DPD timeouts.", false, "c-2"));

        assertThat(reply).isEqualTo(new WriteResult("HELP-7", UPDATED, "10010"));
        assertThat(note).isEqualTo(new WriteResult("HELP-7", UPDATED, "10011"));

        jiraCloud.verify(postRequestedFor(urlPathEqualTo("/rest/api/3/issue/HELP-7/comment")).withRequestBody(equalToJson(
                "{\"body\":{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"We are on it.\"}]}]}}")));
        jiraCloud.verify(postRequestedFor(urlPathEqualTo("/rest/servicedeskapi/request/HELP-7/comment"))
                .withRequestBody(equalToJson("{\"body\":\"Gateway DPD timeouts.\",\"public\":false}")));
    }

    @Test
    void aRateLimitIsWaitedOutForItsRetryAfterThenTheCallSucceeds() {
        jiraCloud.stubFor(get(urlPathEqualTo("/rest/api/3/issue/OPS-42")).inScenario("rate limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("served"));
        jiraCloud.stubFor(get(urlPathEqualTo("/rest/api/3/issue/OPS-42")).inScenario("rate limit")
                .whenScenarioStateIs("served").willReturn(okJson(issue("OPS-42", UPDATED, "Open", "new"))));
        long started = System.nanoTime();

        assertThat(connector.fetch(project, "OPS-42")).isPresent();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        jiraCloud.verify(2, getRequestedFor(urlPathEqualTo("/rest/api/3/issue/OPS-42")));
    }

    @Test
    void serverErrorsResetConnectionsAndSlowAnswersMakeThePeerUnavailable() {
        jiraCloud.stubFor(get(urlPathEqualTo("/rest/api/3/issue/OPS-500")).willReturn(aResponse().withStatus(503)));
        jiraCloud.stubFor(get(urlPathEqualTo("/rest/api/3/issue/OPS-RST")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        jiraCloud.stubFor(get(urlPathEqualTo("/rest/api/3/issue/OPS-SLOW"))
                .willReturn(okJson("{}").withFixedDelay((int) RESPONSE_TIMEOUT.multipliedBy(3).toMillis())));

        for (String key : List.of("OPS-500", "OPS-RST", "OPS-SLOW")) {
            assertThatThrownBy(() -> connector.fetch(project, key)).as(key).isInstanceOf(PeerUnavailableException.class);
        }
    }

    @Test
    void aBadRequestIsRejectedForGood() {
        jiraCloud.stubFor(post(urlPathEqualTo("/rest/api/3/issue")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[],\"errors\":{\"issuetype\":\"Specify a valid issue type\"}}")));

        assertThatThrownBy(() -> connector.write(project, OutboundChange.create(ticket("new"), "create-TZ-1042")))
                .isInstanceOf(RequestRejectedException.class)
                .hasMessageContaining("Specify a valid issue type");
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundAgainByItsLabel() {
        jiraCloud.stubFor(post(urlPathEqualTo("/rest/api/3/issue")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        jiraCloud.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql"))
                .withQueryParam("jql", equalTo("project = \"OPS\" AND labels = \"tierzero-TZ-1042\""))
                .willReturn(okJson("{\"issues\":[" + issue("OPS-42", UPDATED, "Open", "new") + "],\"isLast\":true}")));

        assertThatThrownBy(() -> connector.write(project, OutboundChange.create(ticket("new"), "create-TZ-1042")))
                .isInstanceOf(PeerUnavailableException.class);
        ExternalTicket found = connector.findCreatedFor(project, "TZ-1042").orElseThrow();

        assertThat(found.externalId()).isEqualTo("OPS-42");
        assertThat(found.tierZeroReference()).isEqualTo("TZ-1042");
    }
}

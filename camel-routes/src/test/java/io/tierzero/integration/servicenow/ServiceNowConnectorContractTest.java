package io.tierzero.integration.servicenow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.tierzero.integration.ConfigurationItemRecord;
import io.tierzero.integration.Connection;
import io.tierzero.integration.ConnectorType;
import io.tierzero.integration.ExternalComment;
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
 * The ServiceNow connector against a WireMock ServiceNow answering as the Table API and CMDB Instance API
 * document it ({"result": ...}, string values, Link rel="next" + X-Total-Count paging, 429 + Retry-After).
 * At the end, every request the connector made must be an operation of the ServiceNow specs.
 */
class ServiceNowConnectorContractTest {

    static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(1500);
    static final ExternalCallSettings SETTINGS =
            new ExternalCallSettings(Duration.ofSeconds(2), RESPONSE_TIMEOUT, 2, Duration.ofMillis(100), Duration.ofSeconds(5));
    static final String TABLE = "/api/now/table/incident";
    static final String SYS_ID = "9d385017c611228701d22104cc95c371";
    static final String JOURNAL = "/api/now/table/sys_journal_field";

    static WireMockServer servicenow;
    static DefaultCamelContext camel;
    static ServiceNowConnector connector;
    static ServiceNowCmdb cmdb;
    static Connection connection;
    static final List<ServeEvent> served = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        servicenow = new WireMockServer(options().dynamicPort());
        servicenow.start();
        camel = new DefaultCamelContext();
        camel.addRoutes(new JsonApiCalls(SETTINGS));
        camel.addRoutes(new ServiceNowRoutes(SETTINGS));
        camel.start();
        connector = new ServiceNowConnector(camel.createProducerTemplate());
        cmdb = new ServiceNowCmdb(camel.createProducerTemplate());
        connection = new Connection("acme", "snow", ConnectorType.SERVICENOW, URI.create(servicenow.baseUrl()),
                "tierzero.integration", "s3cret", "incident", Map.of(), Map.of(), Map.of(), Duration.ofSeconds(30), true, null);
    }

    @AfterAll
    static void stop() {
        try {
            SpecifiedPaths.load("servicenow-api-evangelist/servicenow-table-records-api-openapi.yml",
                            "servicenow-api-evangelist/orig-7a7e7b7-servicenow-cmdb-instance-api-openapi.yml")
                    .plus("POST", "/api/now/cmdb/instance/{className}",
                            "ServiceNow CMDB Instance API reference, 'POST /now/cmdb/instance/{classname}'")
                    .assertEveryRequestSpecified(served);
        } finally {
            camel.stop();
            servicenow.stop();
        }
    }

    @BeforeEach
    void resetStubs() {
        servicenow.resetAll();
        servicenow.stubFor(get(urlPathEqualTo(JOURNAL)).atPriority(10).willReturn(okJson("{\"result\":[]}")));
    }

    @AfterEach
    void rememberRequests() {
        served.addAll(servicenow.getAllServeEvents());
    }

    static TicketSnapshot ticket() {
        return new TicketSnapshot("acme", "t-1", "TZ-1042", "VPN drops every hour", "Since Monday's update.",
                "in_progress", "P2", "Network", null, "Ada Lovelace", "ada@acme.example", List.of());
    }

    static String incident(String sysId, String modCount, String updatedOn, String state) {
        return """
                {"sys_id":"%s","number":"INC0010042","sys_mod_count":"%s","sys_updated_on":"%s",
                 "short_description":"VPN drops every hour","description":"Since Monday's update.","state":"%s",
                 "priority":"2","assignment_group":"287ebd7da9fe198100f92cc8d1d2154e","assignment_group.name":"Network",
                 "caller_id":"62826bf03710200044e0bfc8bcbe5df1","caller_id.name":"Ada Lovelace",
                 "caller_id.email":"ada@acme.example","correlation_id":"TZ-1042","correlation_display":"TierZero",
                 "cmdb_ci":"b4fd7c8437201000deeabfc8bcbe5dc1"}"""
                .formatted(sysId, modCount, updatedOn, state);
    }

    static String list(String... records) {
        return "{\"result\":[" + String.join(",", records) + "]}";
    }

    static String one(String record) {
        return "{\"result\":" + record + "}";
    }

    @Test
    void createsTheIncidentWithTheCallerFoundByEmailAndTierZerosReferenceAsCorrelation() {
        servicenow.stubFor(get(urlPathEqualTo("/api/now/table/sys_user"))
                .withQueryParam("sysparm_query", equalTo("email=ada@acme.example^active=true"))
                .willReturn(okJson(list("{\"sys_id\":\"62826bf03710200044e0bfc8bcbe5df1\",\"name\":\"Ada Lovelace\",\"email\":\"ada@acme.example\"}"))));
        servicenow.stubFor(post(urlPathEqualTo(TABLE))
                .withHeader("Authorization", equalTo("Basic dGllcnplcm8uaW50ZWdyYXRpb246czNjcmV0"))
                .withRequestBody(matchingJsonPath("$.correlation_id", equalTo("TZ-1042")))
                .withRequestBody(matchingJsonPath("$.correlation_display", equalTo("TierZero")))
                .withRequestBody(matchingJsonPath("$.caller_id", equalTo("62826bf03710200044e0bfc8bcbe5df1")))
                .withRequestBody(matchingJsonPath("$.state", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.impact", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.urgency", equalTo("2")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(one(incident(SYS_ID, "0", "2026-12-02 09:00:00", "2")))));

        WriteResult created = connector.write(connection, OutboundChange.create(ticket(), "create-TZ-1042"));

        assertThat(created).isEqualTo(new WriteResult(SYS_ID, "0"));
        servicenow.verify(1, postRequestedFor(urlPathEqualTo(TABLE)));
    }

    @Test
    void fetchesOneIncidentAsTierZeroSeesIt() {
        servicenow.stubFor(get(urlPathEqualTo(TABLE))
                .withQueryParam("sysparm_query", equalTo("sys_id=" + SYS_ID))
                .willReturn(okJson(list(incident(SYS_ID, "4", "2026-12-02 09:15:30", "3")))));

        ExternalTicket ticket = connector.fetch(connection, SYS_ID).orElseThrow();

        assertThat(ticket.externalId()).isEqualTo(SYS_ID);
        assertThat(ticket.version()).isEqualTo("4");
        assertThat(ticket.updatedAt()).isEqualTo(Instant.parse("2026-12-02T09:15:30Z"));
        assertThat(ticket.state()).isEqualTo("pending_customer");
        assertThat(ticket.externalState()).isEqualTo("3");
        assertThat(ticket.priority()).isEqualTo("P2");
        assertThat(ticket.assignmentGroup()).isEqualTo("Network");
        assertThat(ticket.requesterEmail()).isEqualTo("ada@acme.example");
        assertThat(ticket.tierZeroReference()).isEqualTo("TZ-1042");
        assertThat(ticket.configurationItems()).containsExactly("b4fd7c8437201000deeabfc8bcbe5dc1");
    }

    static String journalEntry(String id, String recordId, String element, String value, String createdOn) {
        return """
                {"sys_id":"%s","element_id":"%s","element":"%s","value":"%s","sys_created_by":"ada.lovelace",
                 "sys_created_on":"%s"}""".formatted(id, recordId, element, value, createdOn);
    }

    @Test
    void recordsComeWithTheirCommentsAndWorkNotesFromTheJournal() {
        servicenow.stubFor(get(urlPathEqualTo(TABLE))
                .willReturn(okJson(list(incident(SYS_ID, "4", "2026-12-02 09:15:30", "2")))));
        servicenow.stubFor(get(urlPathEqualTo(JOURNAL))
                .withQueryParam("sysparm_query", equalTo("element_idIN" + SYS_ID
                        + "^elementINcomments,work_notes^ORDERBYsys_created_on"))
                .willReturn(okJson(list(
                        journalEntry("j-1", SYS_ID, "comments", "Still dropping.", "2026-12-02 09:10:00"),
                        journalEntry("j-2", SYS_ID, "work_notes", "Checked the gateway.", "2026-12-02 09:12:00")))));

        ExternalTicket ticket = connector.fetch(connection, SYS_ID).orElseThrow();

        assertThat(ticket.comments()).containsExactly(
                new ExternalComment("j-1", "ada.lovelace", "Still dropping.", true, Instant.parse("2026-12-02T09:10:00Z")),
                new ExternalComment("j-2", "ada.lovelace", "Checked the gateway.", false, Instant.parse("2026-12-02T09:12:00Z")));
    }

    @Test
    void fetchOfAnUnknownRecordFindsNothing() {
        servicenow.stubFor(get(urlPathEqualTo(TABLE)).willReturn(okJson("{\"result\":[]}")));

        assertThat(connector.fetch(connection, SYS_ID)).isEmpty();
    }

    @Test
    void changedSinceFollowsTheLinkHeaderAcrossPages() {
        String firstPage = servicenow.baseUrl() + TABLE + "?sysparm_limit=100&sysparm_offset=0";
        String nextPage = servicenow.baseUrl() + TABLE + "?sysparm_query=sys_updated_on%3E%3Djavascript%3Ags.dateGenerate('2026-12-02'%2C'08%3A00%3A00')%5EORDERBYsys_updated_on&sysparm_limit=100&sysparm_offset=100";
        servicenow.stubFor(get(urlPathEqualTo(TABLE))
                .withQueryParam("sysparm_query", equalTo("sys_updated_on>=javascript:gs.dateGenerate('2026-12-02','08:00:00')^ORDERBYsys_updated_on"))
                .withQueryParam("sysparm_offset", equalTo("0"))
                .willReturn(okJson(list(incident("a1", "1", "2026-12-02 08:00:00", "1"), incident("a2", "7", "2026-12-02 08:30:00", "2")))
                        .withHeader("X-Total-Count", "3")
                        .withHeader("Link", "<" + firstPage + ">;rel=\"first\",<" + nextPage + ">;rel=\"next\",<" + nextPage + ">;rel=\"last\"")));
        servicenow.stubFor(get(urlPathEqualTo(TABLE))
                .withQueryParam("sysparm_offset", equalTo("100"))
                .willReturn(okJson(list(incident("a3", "2", "2026-12-02 09:10:00", "6")))
                        .withHeader("X-Total-Count", "3")
                        .withHeader("Link", "<" + firstPage + ">;rel=\"first\",<" + firstPage + ">;rel=\"prev\",<" + nextPage + ">;rel=\"last\"")));

        List<ExternalTicket> changed = connector.changedSince(connection, Instant.parse("2026-12-02T08:00:00Z"));

        assertThat(changed).extracting(ExternalTicket::externalId).containsExactly("a1", "a2", "a3");
        assertThat(changed).extracting(ExternalTicket::state).containsExactly("new", "in_progress", "resolved");
        servicenow.verify(2, getRequestedFor(urlPathEqualTo(TABLE)));
    }

    @Test
    void updateRefusesWhenTheRecordChangedSinceTheExpectedModCount() {
        servicenow.stubFor(get(urlPathEqualTo(TABLE + "/" + SYS_ID))
                .willReturn(okJson(one("{\"sys_id\":\"" + SYS_ID + "\",\"sys_mod_count\":\"5\"}"))));

        OutboundChange update = OutboundChange.update(SYS_ID, "4", ticket(), Set.of(TicketField.SUBJECT), "u-1");

        assertThatThrownBy(() -> connector.write(connection, update)).isInstanceOf(VersionConflictException.class);
        servicenow.verify(0, patchRequestedFor(urlPathEqualTo(TABLE + "/" + SYS_ID)));
    }

    @Test
    void updatePatchesOnlyTheChangedFieldsWhenTheModCountIsTheExpectedOne() {
        servicenow.stubFor(get(urlPathEqualTo(TABLE + "/" + SYS_ID))
                .withQueryParam("sysparm_fields", equalTo("sys_id,sys_mod_count"))
                .willReturn(okJson(one("{\"sys_id\":\"" + SYS_ID + "\",\"sys_mod_count\":\"4\"}"))));
        servicenow.stubFor(patch(urlPathEqualTo(TABLE + "/" + SYS_ID))
                .withRequestBody(equalToJson("{\"state\":\"3\",\"hold_reason\":\"1\"}"))
                .willReturn(okJson(one(incident(SYS_ID, "5", "2026-12-02 09:20:00", "3")))));
        TicketSnapshot waiting = new TicketSnapshot("acme", "t-1", "TZ-1042", "VPN drops every hour", null,
                "pending_customer", "P2", "Network", null, null, null, List.of());

        WriteResult updated = connector.write(connection, OutboundChange.update(SYS_ID, "4", waiting, Set.of(TicketField.STATE), "u-2"));

        assertThat(updated).isEqualTo(new WriteResult(SYS_ID, "5"));
    }

    @Test
    void publicRepliesGoToCommentsAndInternalNotesToWorkNotes() {
        servicenow.stubFor(patch(urlPathEqualTo(TABLE + "/" + SYS_ID))
                .willReturn(okJson(one(incident(SYS_ID, "6", "2026-12-02 09:25:00", "2")))));

        servicenow.stubFor(get(urlPathEqualTo(JOURNAL))
                .withQueryParam("sysparm_query", equalTo("element_id=" + SYS_ID
                        + "^element=comments^sys_created_by=tierzero.integration^ORDERBYDESCsys_created_on"))
                .willReturn(okJson(list(journalEntry("j-1", SYS_ID, "comments", "We are on it.", "2026-12-02 09:25:00")))));

        WriteResult reply = connector.write(connection, OutboundChange.comment(SYS_ID, ticket(), "We are on it.", true, "c-1"));
        connector.write(connection, OutboundChange.comment(SYS_ID, ticket(), "Gateway log shows DPD timeouts.", false, "c-2"));

        assertThat(reply).isEqualTo(new WriteResult(SYS_ID, "6", "j-1"));

        servicenow.verify(patchRequestedFor(urlPathEqualTo(TABLE + "/" + SYS_ID)).withRequestBody(equalToJson("{\"comments\":\"We are on it.\"}")));
        servicenow.verify(patchRequestedFor(urlPathEqualTo(TABLE + "/" + SYS_ID)).withRequestBody(equalToJson("{\"work_notes\":\"Gateway log shows DPD timeouts.\"}")));
        servicenow.verify(0, getRequestedFor(urlPathEqualTo(TABLE + "/" + SYS_ID)));
    }

    @Test
    void aRateLimitIsWaitedOutForItsRetryAfterThenTheCallSucceeds() {
        servicenow.stubFor(get(urlPathEqualTo(TABLE)).inScenario("rate limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Rate limit exceeded\",\"detail\":\"try later\"},\"status\":\"failure\"}"))
                .willSetStateTo("served"));
        servicenow.stubFor(get(urlPathEqualTo(TABLE)).inScenario("rate limit").whenScenarioStateIs("served")
                .willReturn(okJson(list(incident(SYS_ID, "4", "2026-12-02 09:15:30", "2")))));
        long started = System.nanoTime();

        assertThat(connector.fetch(connection, SYS_ID)).isPresent();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        servicenow.verify(2, getRequestedFor(urlPathEqualTo(TABLE)));
    }

    @Test
    void aRateLimitThatDoesNotLiftFailsAfterTheBoundedRetriesWithTheSystemsRetryAfter() {
        servicenow.stubFor(get(urlPathEqualTo(TABLE)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));

        assertThatThrownBy(() -> connector.fetch(connection, SYS_ID))
                .isInstanceOfSatisfying(PeerUnavailableException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ZERO));
        servicenow.verify(1 + SETTINGS.rateLimitRetries(), getRequestedFor(urlPathEqualTo(TABLE)));
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitIsLeftToTheOutbox() {
        servicenow.stubFor(get(urlPathEqualTo(TABLE)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> connector.fetch(connection, SYS_ID))
                .isInstanceOfSatisfying(PeerUnavailableException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1)));
        servicenow.verify(1, getRequestedFor(urlPathEqualTo(TABLE)));
    }

    @Test
    void serverErrorsResetConnectionsAndSlowAnswersMakeThePeerUnavailable() {
        servicenow.stubFor(get(urlPathEqualTo(TABLE)).withQueryParam("sysparm_query", equalTo("sys_id=five-hundred"))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"boom\"}}")));
        servicenow.stubFor(get(urlPathEqualTo(TABLE)).withQueryParam("sysparm_query", equalTo("sys_id=reset"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        servicenow.stubFor(get(urlPathEqualTo(TABLE)).withQueryParam("sysparm_query", equalTo("sys_id=slow"))
                .willReturn(okJson("{\"result\":[]}").withFixedDelay((int) RESPONSE_TIMEOUT.multipliedBy(3).toMillis())));

        for (String sysId : List.of("five-hundred", "reset", "slow")) {
            assertThatThrownBy(() -> connector.fetch(connection, sysId)).as(sysId).isInstanceOf(PeerUnavailableException.class);
        }
    }

    @Test
    void aBadRequestIsRejectedForGood() {
        servicenow.stubFor(post(urlPathEqualTo(TABLE)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Invalid field\",\"detail\":\"state is not valid\"},\"status\":\"failure\"}")));
        TicketSnapshot anonymous = new TicketSnapshot("acme", "t-2", "TZ-1043", "Printer", null, "new", null, null,
                null, null, null, List.of());

        assertThatThrownBy(() -> connector.write(connection, OutboundChange.create(anonymous, "create-TZ-1043")))
                .isInstanceOf(RequestRejectedException.class)
                .hasMessageContaining("400");
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundAgainByItsCorrelationId() {
        servicenow.stubFor(post(urlPathEqualTo(TABLE)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        servicenow.stubFor(get(urlPathEqualTo(TABLE))
                .withQueryParam("sysparm_query", equalTo("correlation_id=TZ-1042^correlation_display=TierZero"))
                .willReturn(okJson(list(incident(SYS_ID, "0", "2026-12-02 09:00:00", "1")))));
        TicketSnapshot noRequester = new TicketSnapshot("acme", "t-1", "TZ-1042", "VPN drops every hour", null, "new",
                null, null, null, null, null, List.of());

        assertThatThrownBy(() -> connector.write(connection, OutboundChange.create(noRequester, "create-TZ-1042")))
                .isInstanceOf(PeerUnavailableException.class);
        ExternalTicket found = connector.findCreatedFor(connection, "TZ-1042").orElseThrow();

        assertThat(found.externalId()).isEqualTo(SYS_ID);
        assertThat(found.tierZeroReference()).isEqualTo("TZ-1042");
    }

    @Test
    void anUnknownEmailLeavesTheCallerEmpty() {
        servicenow.stubFor(get(urlPathEqualTo("/api/now/table/sys_user")).willReturn(okJson("{\"result\":[]}")));

        assertThat(connector.findUserByEmail(connection, "nobody@acme.example")).isEmpty();
        servicenow.verify(getRequestedFor(urlPathEqualTo("/api/now/table/sys_user"))
                .withQueryParam("sysparm_query", equalTo("email=nobody@acme.example^active=true")));
    }

    @Test
    void listsConfigurationItemsOfAClassAcrossPages() {
        String path = "/api/now/cmdb/instance/cmdb_ci_linux_server";
        String next = servicenow.baseUrl() + path + "?sysparm_limit=200&sysparm_offset=200";
        servicenow.stubFor(get(urlPathEqualTo(path)).withQueryParam("sysparm_offset", equalTo("0"))
                .willReturn(okJson(list("{\"sys_id\":\"3a27d\",\"name\":\"lnux100\"}", "{\"sys_id\":\"3a5dd\",\"name\":\"lnux101\"}"))
                        .withHeader("X-Total-Count", "3").withHeader("Link", "<" + next + ">;rel=\"next\"")));
        servicenow.stubFor(get(urlPathEqualTo(path)).withQueryParam("sysparm_offset", equalTo("200"))
                .willReturn(okJson(list("{\"sys_id\":\"3a70f\",\"name\":\"lnux102\"}")).withHeader("X-Total-Count", "3")));

        List<ConfigurationItemRecord> servers = cmdb.list(connection, "cmdb_ci_linux_server", null);

        assertThat(servers).extracting(ConfigurationItemRecord::name).containsExactly("lnux100", "lnux101", "lnux102");
        assertThat(servers).allSatisfy(ci -> assertThat(ci.className()).isEqualTo("cmdb_ci_linux_server"));
    }

    @Test
    void getsAndCreatesConfigurationItemsWithTheirAttributes() {
        String path = "/api/now/cmdb/instance/cmdb_ci_linux_server";
        servicenow.stubFor(get(urlPathEqualTo(path + "/3a27d")).willReturn(okJson("""
                {"result":{"attributes":{"sys_id":"3a27d","name":"lnux100","sys_class_name":"cmdb_ci_linux_server",
                 "ip_address":"10.0.0.12","os":"Linux Red Hat","operational_status":"1"},
                 "outbound_relations":[],"inbound_relations":[]}}""")));
        servicenow.stubFor(post(urlPathEqualTo(path))
                .withRequestBody(matchingJsonPath("$.source", equalTo("ServiceNow")))
                .withRequestBody(matchingJsonPath("$.attributes.name", equalTo("lnux200")))
                .withRequestBody(matchingJsonPath("$.attributes.ip_address", equalTo("10.0.0.99")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"result":{"attributes":{"sys_id":"7b11e","name":"lnux200","sys_class_name":"cmdb_ci_linux_server",
                         "ip_address":"10.0.0.99"},"outbound_relations":[],"inbound_relations":[]}}""")));

        ConfigurationItemRecord server = cmdb.get(connection, "cmdb_ci_linux_server", "3a27d");
        ConfigurationItemRecord created = cmdb.create(connection,
                new ConfigurationItemRecord(null, "cmdb_ci_linux_server", "lnux200", Map.of("ip_address", "10.0.0.99")));

        assertThat(server).isEqualTo(new ConfigurationItemRecord("3a27d", "cmdb_ci_linux_server", "lnux100",
                Map.of("sys_class_name", "cmdb_ci_linux_server", "ip_address", "10.0.0.12", "os", "Linux Red Hat",
                        "operational_status", "1")));
        assertThat(created.externalId()).isEqualTo("7b11e");
        assertThat(created.attributes()).containsEntry("ip_address", "10.0.0.99");
    }
}

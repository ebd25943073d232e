package io.tierzero.integration.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.Connection;
import io.tierzero.integration.ConnectorType;
import io.tierzero.integration.ExternalTicket;
import io.tierzero.integration.RequestRejectedException;
import io.tierzero.integration.TicketField;
import io.tierzero.integration.TicketSnapshot;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceNowTranslationTest {

    static Connection connection(String table, Map<String, String> inbound, Map<String, String> outbound) {
        return new Connection("acme", "snow", ConnectorType.SERVICENOW, URI.create("https://acme.service-now.com"),
                "u", "p", table, inbound, outbound, Map.of(), Duration.ofSeconds(30), false, null);
    }

    static TicketSnapshot ticket(String state, String priority) {
        return new TicketSnapshot("acme", "t-1", "TZ-9", "Laptop", "Broken screen", state, priority, "Desktop",
                null, "Ada", "ada@acme.example", List.of());
    }

    @Test
    void changedSinceAsksForUpdatesFromTheSecondInUtcOldestFirst() {
        assertThat(ServiceNowTranslation.updatedSinceQuery(Instant.parse("2026-12-02T08:05:09.700Z")))
                .isEqualTo("sys_updated_on>=javascript:gs.dateGenerate('2026-12-02','08:05:09')^ORDERBYsys_updated_on");
    }

    @Test
    void theNextPageIsTheQueryOfTheLinkRelNextWhateverItsHost() {
        String link = "<https://acme.service-now.com/api/now/table/incident?sysparm_limit=2&sysparm_offset=0>;rel=\"first\","
                + "<https://elsewhere.example/api/now/table/incident?sysparm_query=active%3Dtrue%5EORDERBYnumber&sysparm_limit=2&sysparm_offset=2>;rel=\"next\","
                + "<https://acme.service-now.com/api/now/table/incident?sysparm_limit=2&sysparm_offset=8>;rel=\"last\"";

        assertThat(ServiceNowTranslation.nextPageQuery(link)).containsExactly(
                Map.entry("sysparm_query", "active=true^ORDERBYnumber"), Map.entry("sysparm_limit", "2"),
                Map.entry("sysparm_offset", "2"));
        assertThat(ServiceNowTranslation.nextPageQuery("<https://acme.service-now.com/x?sysparm_offset=0>;rel=\"first\"")).isEmpty();
        assertThat(ServiceNowTranslation.nextPageQuery(null)).isEmpty();
    }

    @Test
    void withoutALinkHeaderTheTotalCountTellsWhetherAnotherPageFollows() {
        Map<String, String> first = Map.of("sysparm_query", "active=true", "sysparm_limit", "2", "sysparm_offset", "0");

        assertThat(ServiceNowTranslation.nextPage(first, null, 3, 2))
                .isEqualTo(Map.of("sysparm_query", "active=true", "sysparm_limit", "2", "sysparm_offset", "2"));
        assertThat(ServiceNowTranslation.nextPage(Map.of("sysparm_offset", "2"), null, 3, 1)).isEmpty();
        assertThat(ServiceNowTranslation.nextPage(first, null, null, 2)).isEmpty();
        assertThat(ServiceNowTranslation.nextPage(first, "<https://x/api/now/table/incident?sysparm_offset=0>;rel=\"first\"", 3, 2))
                .as("a Link header without next is the last page").isEmpty();
    }

    @Test
    void incidentStatesMapByDefaultOrByTheConnectionsMaps() throws Exception {
        var record = new ObjectMapper().readTree("{\"sys_id\":\"1\",\"state\":\"3\",\"sys_updated_on\":\"2026-12-02 08:00:00\"}");

        assertThat(ServiceNowTranslation.toExternalTicket(connection(null, Map.of(), Map.of()), record).state())
                .isEqualTo("pending_customer");
        assertThat(ServiceNowTranslation.toExternalTicket(connection("incident", Map.of("3", "assigned"), Map.of()), record).state())
                .isEqualTo("assigned");
        assertThat(ServiceNowTranslation.toExternalTicket(connection("incident", Map.of("1", "new"), Map.of()), record).state())
                .isNull();
    }

    @Test
    void aRequestedItemsRequesterIsRequestedForAndItsPriorityIsWrittenAsSuch() throws Exception {
        Connection items = connection("sc_req_item", Map.of(), Map.of());
        var record = new ObjectMapper().readTree("""
                {"sys_id":"1","state":"2","priority":"4","requested_for":"u1","requested_for.email":"bo@acme.example",
                 "correlation_id":"TZ-1","correlation_display":"someone else"}""");

        ExternalTicket ticket = ServiceNowTranslation.toExternalTicket(items, record);

        assertThat(ticket.requesterEmail()).isEqualTo("bo@acme.example");
        assertThat(ticket.state()).isEqualTo("in_progress");
        assertThat(ticket.priority()).isEqualTo("P4");
        assertThat(ticket.tierZeroReference()).as("only records TierZero marked carry its reference").isNull();
        assertThat(ServiceNowTranslation.recordToCreate(items, ticket("resolved", "P4"), "u1"))
                .containsEntry("requested_for", "u1").containsEntry("priority", "4").containsEntry("state", "3")
                .doesNotContainKeys("impact", "urgency", "caller_id");
    }

    @Test
    void anIncidentsPriorityIsWrittenAsImpactAndUrgency() {
        Connection incidents = connection("incident", Map.of(), Map.of());

        assertThat(ServiceNowTranslation.changes(incidents, ticket("new", "P1"), Set.of(TicketField.PRIORITY)))
                .isEqualTo(Map.of("impact", "1", "urgency", "1"));
        assertThat(ServiceNowTranslation.changes(incidents, ticket("new", "P5"), Set.of(TicketField.PRIORITY)))
                .isEqualTo(Map.of("impact", "3", "urgency", "3"));
    }

    @Test
    void aStateTheConnectionDoesNotMapIsNotWritten() {
        Connection onlyResolved = connection("incident", Map.of(), Map.of("resolved", "6"));

        assertThat(ServiceNowTranslation.changes(onlyResolved, ticket("in_progress", null), Set.of(TicketField.STATE))).isEmpty();
        assertThat(ServiceNowTranslation.changes(onlyResolved, ticket("resolved", null), Set.of(TicketField.STATE)))
                .isEqualTo(Map.of("state", "6"));
    }

    @Test
    void valuesThatWouldChangeAnEncodedQueryAreRefused() {
        assertThatThrownBy(() -> ServiceNowTranslation.userByEmailQuery("a@b.c^ORactive=false"))
                .isInstanceOf(RequestRejectedException.class);
        assertThat(ServiceNowTranslation.createdForQuery("TZ-9")).isEqualTo("correlation_id=TZ-9^correlation_display=TierZero");
    }
}

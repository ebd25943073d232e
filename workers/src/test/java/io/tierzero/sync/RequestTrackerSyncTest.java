package io.tierzero.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.Connection;
import io.tierzero.integration.Connections;
import io.tierzero.integration.OutboundChange;
import io.tierzero.integration.TicketField;
import io.tierzero.integration.TicketSnapshot;
import io.tierzero.integration.VersionConflictException;
import io.tierzero.integration.requesttracker.RequestTrackerConnector;
import io.tierzero.support.ModelDrivenApp;
import io.tierzero.support.RequestTrackerServer;
import io.tierzero.support.Requests;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ticket sync with a real Request Tracker 5 (Debian's package, REST2): tickets both ways, comments both ways
 * without echoes, RT's If-Match conflicts, and RT going down in the middle of a sync.
 */
class RequestTrackerSyncTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONNECTION = "request-tracker:main";

    private static RequestTrackerServer rt;
    private static ModelDrivenApp app;
    private static JdbcClient jdbc;

    @BeforeAll
    static void startRequestTrackerAndTierZero() {
        rt = new RequestTrackerServer();
        app = new ModelDrivenApp(Map.ofEntries(
                Map.entry("tierzero.connections.demo.main.type", "request-tracker"),
                Map.entry("tierzero.connections.demo.main.base-url", rt.url()),
                Map.entry("tierzero.connections.demo.main.username", "root"),
                Map.entry("tierzero.connections.demo.main.secret", RequestTrackerServer.ROOT_PASSWORD),
                Map.entry("tierzero.connections.demo.main.scope", "General"),
                Map.entry("tierzero.connections.demo.main.poll-interval", "PT1S"),
                Map.entry("tierzero.connections.demo.main.export-new-tickets", "true"),
                Map.entry("tierzero.sync.relay-interval", "PT0.5S"),
                Map.entry("tierzero.sync.dispatch-interval", "PT0.5S"),
                Map.entry("tierzero.sync.retry-backoff", "PT1S"),
                Map.entry("tierzero.sync.max-backoff", "PT2S")));
        jdbc = app.bean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (rt != null) {
            rt.close();
        }
    }

    @Test
    void anRtTicketBecomesATierZeroRequestWithItsConversation() throws Exception {
        String rtId = createRtTicket("VPN drops every ten minutes", "Since Monday the VPN disconnects.", "joao@acme.example");
        rt.post("/REST/2.0/ticket/" + rtId + "/correspond",
                "{\"Content\": \"It happens on the office Wi-Fi too.\", \"ContentType\": \"text/plain\"}");

        UUID ticketId = awaitLinkOfExternal(rtId);
        var ticket = jdbc.sql("select subject, body, requester_email, channel from tickets where ticket_id = ?")
                .param(ticketId).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
        assertThat(ticket).containsExactly("VPN drops every ten minutes", "Since Monday the VPN disconnects.",
                "joao@acme.example", "api");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(comments(ticketId))
                .containsExactly("It happens on the office Wi-Fi too."));
    }

    @Test
    void aTierZeroRequestIsCreatedInRtOnceAndFollowsItsState() throws Exception {
        String ticketId = app.api().submit(Requests.passwordReset("RT export " + UUID.randomUUID()));
        String reference = app.api().ticket(ticketId).path("ticket").path("referenceNumber").asText();

        String rtId = awaitLinkOfTicket(UUID.fromString(ticketId));
        JsonNode rtTicket = rtTicket(rtId);
        assertThat(rtTicket.path("Subject").asText()).startsWith("RT export ");
        assertThat(rtIdsReferring(reference)).containsExactly(rtId);
        // the lifecycle assigns the request to a group: RT shows it open
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(rtTicket(rtId).path("Status").asText()).isEqualTo("open"));
        // what TierZero wrote to RT is not brought back as an RT change
        assertThat(comments(UUID.fromString(ticketId))).isEmpty();
    }

    @Test
    void anRtEditComesInAndTierZeroRepliesGoOutWithoutEchoes() throws Exception {
        String rtId = createRtTicket("Printer on floor 2 jams", "It jams on every A3 job.", "maria@acme.example");
        UUID ticketId = awaitLinkOfExternal(rtId);
        String etag = rt.get("/REST/2.0/ticket/" + rtId).headers().firstValue("ETag").orElseThrow();

        assertThat(rt.put("/REST/2.0/ticket/" + rtId, "{\"Subject\": \"Printer on floor 2 jams on A3\"}", etag).statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                jdbc.sql("select subject from tickets where ticket_id = ?").param(ticketId).query(String.class).single())
                .isEqualTo("Printer on floor 2 jams on A3"));
        // TierZero's messages to the requester are noted on the RT ticket, each once, and not brought back
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(rtConversation(rtId))
                .anyMatch(text -> text.startsWith("TierZero sent the requester \"[") && text.contains("We have received your request")));
        Thread.sleep(3_000);
        assertThat(rtConversation(rtId)).filteredOn(text -> text.startsWith("TierZero sent the requester"))
                .doesNotHaveDuplicates();
        assertThat(comments(ticketId)).isEmpty();
    }

    @Test
    void anUpdateBasedOnAnOldVersionIsRefusedByRt() throws Exception {
        String rtId = createRtTicket("Conflict probe", "Two writers.", "ana@acme.example");
        String oldVersion = rt.get("/REST/2.0/ticket/" + rtId).headers().firstValue("ETag").orElseThrow().replace("\"", "");
        rt.put("/REST/2.0/ticket/" + rtId, "{\"Subject\": \"Changed by an RT agent\"}", null);
        Connection connection = app.bean(Connections.class).find("demo", CONNECTION).orElseThrow();
        var snapshot = new TicketSnapshot("demo", UUID.randomUUID().toString(), "DEMO-X", "Changed by TierZero", "Two writers.",
                "in_progress", "P3", null, "ana", "Ana", "ana@acme.example", List.of());

        assertThatThrownBy(() -> app.bean(RequestTrackerConnector.class).write(connection,
                OutboundChange.update(rtId, oldVersion, snapshot, Set.of(TicketField.SUBJECT), "probe")))
                .isInstanceOf(VersionConflictException.class).hasMessageContaining("412");
        assertThat(rtTicket(rtId).path("Subject").asText()).isEqualTo("Changed by an RT agent");
    }

    @Test
    void rtDownInTheMiddleOfASyncLosesAndDuplicatesNothing() throws Exception {
        rt.kill();
        String ticketId;
        try {
            ticketId = app.api().submit(Requests.passwordReset("While RT is down " + UUID.randomUUID()));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                            select count(*) from sync_outbox where ticket_id = ? and kind = 'create' and attempts >= 2
                            and last_error is not null""")
                    .param(UUID.fromString(ticketId)).query(Long.class).single() > 0);
        } finally {
            rt.start();
        }
        String reference = app.api().ticket(ticketId).path("ticket").path("referenceNumber").asText();

        String rtId = awaitLinkOfTicket(UUID.fromString(ticketId));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                        "select count(*) from sync_outbox where ticket_id = ? and state <> 'sent'")
                .param(UUID.fromString(ticketId)).query(Long.class).single() == 0);
        assertThat(rtIdsReferring(reference)).containsExactly(rtId);
        assertThat(jdbc.sql("select count(*) from sync_outbox where state = 'dead'").query(Long.class).single()).isZero();
    }

    private static String createRtTicket(String subject, String content, String requester) throws Exception {
        var answer = rt.post("/REST/2.0/ticket", JSON.createObjectNode().put("Queue", "General").put("Subject", subject)
                .put("Content", content).put("ContentType", "text/plain").put("Requestor", requester).toString());
        assertThat(answer.statusCode()).isEqualTo(201);
        return JSON.readTree(answer.body()).path("id").asText();
    }

    private static JsonNode rtTicket(String rtId) throws Exception {
        return JSON.readTree(rt.get("/REST/2.0/ticket/" + rtId).body());
    }

    private static List<String> rtIdsReferring(String reference) throws Exception {
        String query = URLEncoder.encode("RefersTo = 'tierzero:demo/" + reference + "'", StandardCharsets.UTF_8);
        JsonNode found = JSON.readTree(rt.get("/REST/2.0/tickets?query=" + query).body());
        return found.path("items").findValuesAsText("id");
    }

    private static List<String> rtConversation(String rtId) throws Exception {
        JsonNode attachments = JSON.readTree(rt.get("/REST/2.0/ticket/" + rtId
                + "/attachments?per_page=100&fields=Content,ContentType").body());
        return attachments.path("items").findValuesAsText("Content");
    }

    private static UUID awaitLinkOfExternal(String rtId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select ticket_id from sync_links where connection_id = ? and external_id = ?")
                .params(CONNECTION, rtId).query(UUID.class).optional().orElse(null), id -> id != null);
    }

    private static String awaitLinkOfTicket(UUID ticketId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                        "select external_id from sync_links where connection_id = ? and ticket_id = ?")
                .params(CONNECTION, ticketId).query(String.class).optional().orElse(null), id -> id != null);
    }

    private static List<String> comments(UUID ticketId) {
        return jdbc.sql("select payload from ticket_events where ticket_id = ? and action = 'ticket.comment-added' order by sequence_number")
                .param(ticketId).query(String.class).list().stream()
                .map(payload -> {
                    try {
                        return JSON.readTree(payload).path("body").asText();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }
}

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.RouteController;
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
    private static final String POLLING_ROUTE = "poll-demo-request-tracker-main";

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
                Map.entry("tierzero.connections.demo.main.cmdb-scope", "General assets"),
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
        // an RT agent's edit, made as RT expects it: on the version read, read again when TierZero wrote in between
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String etag = rt.get("/REST/2.0/ticket/" + rtId).headers().firstValue("ETag").orElseThrow();
            return rt.put("/REST/2.0/ticket/" + rtId, "{\"Subject\": \"Printer on floor 2 jams on A3\"}", etag).statusCode();
        }, status -> status == 200);

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
    void aTicketResolvedByAnRtAgentIsResolvedInTierZeroAndStaysResolvedInRt() throws Exception {
        String rtId = createRtTicket("Shared drive mapping lost", "The S: drive is gone after the update.", "rui@acme.example");
        UUID ticketId = awaitLinkOfExternal(rtId);
        app.api().awaitOpenTask(ticketId.toString());

        assertThat(rt.put("/REST/2.0/ticket/" + rtId, "{\"Status\": \"resolved\"}", null).statusCode()).isEqualTo(200);

        app.api().awaitState(ticketId.toString(), "resolved");
        assertThat(jdbc.sql("select assignee from human_tasks where ticket_id = ? and state = 'completed'")
                .param(ticketId).query(String.class).list()).containsExactly(CONNECTION);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(rtTicket(rtId).path("Status").asText()).isEqualTo("resolved"));
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
        // the messages TierZero sent the requester meanwhile arrive as comments, each once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rtConversation(rtId))
                .anyMatch(text -> text.startsWith("TierZero sent the requester") && text.contains("We have received your request")));
        assertThat(rtConversation(rtId)).filteredOn(text -> text.startsWith("TierZero sent the requester")).doesNotHaveDuplicates();
        assertThat(jdbc.sql("select count(*) from sync_outbox where state = 'dead'").query(Long.class).single()).isZero();
    }

    @Test
    void reconciliationFindsWhatPollingMissedAndRepairsItByTheRules() throws Exception {
        UUID editedInRt = UUID.fromString(app.api().submit(Requests.passwordReset("Drift: edited in RT " + UUID.randomUUID())));
        UUID deletedInRt = UUID.fromString(app.api().submit(Requests.passwordReset("Drift: deleted in RT " + UUID.randomUUID())));
        UUID lostUpdate = UUID.fromString(app.api().submit(Requests.passwordReset("Drift: lost update " + UUID.randomUUID())));
        String editedRtId = awaitLinkOfTicket(editedInRt);
        String deletedRtId = awaitLinkOfTicket(deletedInRt);
        String lostUpdateRtId = awaitLinkOfTicket(lostUpdate);
        // the lifecycles wait for an agent and every message has been carried to RT: nothing syncs on its own now
        List.of(editedInRt, deletedInRt, lostUpdate).forEach(ticketId -> app.api().awaitOpenTask(ticketId.toString()));
        awaitQuiet();
        // polling misses what follows (stopped, as if TierZero were down; a poll under way ends first), and one
        // TierZero change skips the audit trail
        RouteController routes = app.bean(CamelContext.class).getRouteController();
        routes.stopRoute(POLLING_ROUTE);
        try {
            reconcileWhatPollingMissed(editedInRt, deletedInRt, lostUpdate, editedRtId, deletedRtId, lostUpdateRtId);
        } finally {
            routes.startRoute(POLLING_ROUTE);
        }
    }

    private void reconcileWhatPollingMissed(UUID editedInRt, UUID deletedInRt, UUID lostUpdate, String editedRtId,
                                            String deletedRtId, String lostUpdateRtId) throws Exception {
        rt.put("/REST/2.0/ticket/" + editedRtId, "{\"Subject\": \"Edited by an RT agent\"}", null);
        rt.put("/REST/2.0/ticket/" + deletedRtId, "{\"Status\": \"deleted\"}", null);
        String neverSeenRtId = createRtTicket("Created while polling was blind", "Nobody told TierZero.", "blind@acme.example");
        jdbc.sql("update tickets set priority = 'P1' where ticket_id = ?").param(lostUpdate).update();

        JsonNode report = app.http().postForEntity("/api/tenants/demo/sync/connections/" + CONNECTION + "/reconcile", null,
                JsonNode.class).getBody();

        assertThat(report.path("drifts").findValuesAsText("kind"))
                .contains("field-differs", "missing-external", "missing-in-tierzero");
        assertThat(driftOf(report, editedRtId).path("repair").asText()).startsWith("value from " + CONNECTION);
        assertThat(jdbc.sql("select subject from tickets where ticket_id = ?").param(editedInRt).query(String.class).single())
                .isEqualTo("Edited by an RT agent");
        assertThat(driftOf(report, neverSeenRtId).path("kind").asText()).isEqualTo("missing-in-tierzero");
        assertThat(awaitLinkOfExternal(neverSeenRtId)).isNotNull();
        assertThat(driftOf(report, lostUpdateRtId).path("field").asText()).isEqualTo("priority");
        assertThat(driftOf(report, lostUpdateRtId).path("repair").asText()).startsWith("TierZero's value written to");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(rtTicket(lostUpdateRtId).path("Priority").asInt()).isEqualTo(90));
        String recreatedRtId = await().atMost(Duration.ofSeconds(30)).until(() -> awaitLinkOfTicket(deletedInRt),
                id -> !id.equals(deletedRtId));
        assertThat(rtTicket(recreatedRtId).path("Subject").asText()).startsWith("Drift: deleted in RT");
        assertThat(jdbc.sql("select count(*) from ticket_events where action = 'sync.drift-repaired' and ticket_id in (?, ?, ?)")
                .params(editedInRt, deletedInRt, lostUpdate).query(Long.class).single()).isGreaterThanOrEqualTo(3);

        awaitOutboxSettled();
        JsonNode again = app.http().postForEntity("/api/tenants/demo/sync/connections/" + CONNECTION + "/reconcile", null,
                JsonNode.class).getBody();
        List<String> ticketsStillDrifting = new ArrayList<>();
        again.path("drifts").forEach(drift -> {
            if (drift.has("ticketId")) {
                ticketsStillDrifting.add(drift.path("externalId").asText());
            }
        });
        assertThat(ticketsStillDrifting).doesNotContain(editedRtId, recreatedRtId, neverSeenRtId, lostUpdateRtId);
    }

    @Test
    void configurationItemsFollowTheCmdbBothWaysAndTicketsNameTheirs() throws Exception {
        reconcile();
        String laptopAsset = rtAssetId("LT-0142");
        assertThat(rtAssetField(laptopAsset, "Model")).isEqualTo("Lenovo ThinkPad T14 Gen 4");

        String server = createRtAsset("SRV-0100", "Billing database", Map.of("Kind", "server", "Model", "PowerEdge R650"));
        String unknownKind = createRtAsset("GADGET-1", "A thing", Map.of("Model", "Unknown"));
        JsonNode imported = reconcile();
        assertThat(jdbc.sql("select kind || ' ' || name || ' ' || model from configuration_items where tenant_id = 'demo' and ci_id = 'SRV-0100'")
                .query(String.class).single()).isEqualTo("server Billing database PowerEdge R650");
        assertThat(ciDrift(imported, unknownKind).path("repair").asText()).startsWith("not imported");

        rt.put("/REST/2.0/asset/" + server, "{\"CustomFields\": {\"Model\": \"PowerEdge R660\"}}", null);
        jdbc.sql("update configuration_items set model = 'Lenovo ThinkPad T14 Gen 5' where tenant_id = 'demo' and ci_id = 'LT-0142'").update();
        JsonNode repaired = reconcile();
        assertThat(ciDrift(repaired, server).path("repair").asText()).startsWith("value from " + CONNECTION);
        assertThat(jdbc.sql("select model from configuration_items where tenant_id = 'demo' and ci_id = 'SRV-0100'")
                .query(String.class).single()).isEqualTo("PowerEdge R660");
        assertThat(ciDrift(repaired, laptopAsset).path("repair").asText()).startsWith("TierZero's value written to");
        assertThat(rtAssetField(laptopAsset, "Model")).isEqualTo("Lenovo ThinkPad T14 Gen 5");
        assertThat(jdbc.sql("select count(*) from ticket_events where tenant_id = 'demo' and ticket_id is null and action = 'sync.drift-repaired'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);

        var answer = rt.post("/REST/2.0/ticket", JSON.createObjectNode().put("Queue", "General").put("Subject", "Billing DB is slow")
                .put("Content", "Queries take minutes.").put("ContentType", "text/plain").put("Requestor", "ops@acme.example")
                .put("RefersTo", "asset:" + server).toString());
        UUID ticketId = awaitLinkOfExternal(JSON.readTree(answer.body()).path("id").asText());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                "select ci_id from ticket_configuration_items where ticket_id = ?").param(ticketId).query(String.class).list())
                .containsExactly("SRV-0100"));
    }

    @Test
    void theSyncApiExplainsItself() {
        var connections = app.http().getForEntity("/api/tenants/demo/sync/connections", JsonNode.class);
        assertThat(connections.getBody().findValuesAsText("connection")).containsExactly(CONNECTION);
        var unknown = app.http().postForEntity("/api/tenants/demo/sync/connections/jira:nowhere/reconcile", null, JsonNode.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        var badState = app.http().getForEntity("/api/tenants/demo/sync/outbox?state=lost", JsonNode.class);
        assertThat(badState.getStatusCode().value()).isEqualTo(400);
        var notDead = app.http().postForEntity("/api/tenants/demo/sync/outbox/999999/retry", null, JsonNode.class);
        assertThat(notDead.getStatusCode().value()).isEqualTo(409);
    }

    private static JsonNode driftOf(JsonNode report, String externalId) {
        for (JsonNode drift : report.path("drifts")) {
            if (drift.has("ticketId") && drift.path("externalId").asText().equals(externalId)) {
                return drift;
            }
        }
        throw new AssertionError("no drift of RT ticket " + externalId + " in " + report.toPrettyString());
    }

    private static JsonNode reconcile() {
        var answer = app.http().postForEntity("/api/tenants/demo/sync/connections/" + CONNECTION + "/reconcile", null, JsonNode.class);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
        return answer.getBody();
    }

    private static JsonNode ciDrift(JsonNode report, String assetId) {
        for (JsonNode drift : report.path("drifts")) {
            if (drift.has("configurationItem") && drift.path("externalId").asText().equals(assetId)) {
                return drift;
            }
        }
        throw new AssertionError("no drift of RT asset " + assetId + " in " + report.toPrettyString());
    }

    private static String createRtAsset(String name, String description, Map<String, String> customFields) throws Exception {
        var asset = JSON.createObjectNode().put("Name", name).put("Catalog", "General assets").put("Description", description);
        customFields.forEach(asset.putObject("CustomFields")::put);
        var answer = rt.post("/REST/2.0/asset", asset.toString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).path("id").asText();
    }

    private static String rtAssetId(String name) throws Exception {
        JsonNode found = JSON.readTree(rt.post("/REST/2.0/assets", "[{\"field\": \"Name\", \"value\": \"" + name + "\"}]").body());
        assertThat(found.path("items")).as("RT asset %s", name).hasSize(1);
        return found.path("items").get(0).path("id").asText();
    }

    private static String rtAssetField(String assetId, String field) throws Exception {
        for (JsonNode customField : JSON.readTree(rt.get("/REST/2.0/asset/" + assetId).body()).path("CustomFields")) {
            if (customField.path("name").asText().equals(field)) {
                return customField.path("values").path(0).asText(null);
            }
        }
        return null;
    }

    private static void awaitQuiet() {
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            long newest = jdbc.sql("select coalesce(max(sequence_number), 0) from ticket_events where tenant_id = 'demo'")
                    .query(Long.class).single();
            long pending = jdbc.sql("select count(*) from sync_outbox where state = 'pending'").query(Long.class).single();
            boolean quiet = newest == last[0] && pending == 0;
            last[0] = newest;
            return quiet;
        });
    }

    private static void awaitOutboxSettled() {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from sync_outbox where state = 'pending'").query(Long.class).single() == 0);
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

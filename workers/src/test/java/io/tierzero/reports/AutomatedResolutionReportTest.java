package io.tierzero.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.tierzero.audit.Actor;
import io.tierzero.identity.EmbeddedDirectoryServer;
import io.tierzero.identity.LdapDirectory;
import io.tierzero.remediation.AutomationControls;
import io.tierzero.reports.KpiOracle.TicketRow;
import io.tierzero.support.ModelDrivenApp;
import io.tierzero.support.SyntheticTickets;
import io.tierzero.support.TicketApi;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A ticket the account-unlock playbook resolves end to end and one an agent resolves, on an app with a trained
 * triage model: the reports count the first as automated and the second as human, and the model's accuracy is
 * the one of its recorded predictions.
 */
class AutomatedResolutionReportTest {

    private static final String TENANT = "demo";

    @TempDir
    static Path models;

    private static ModelDrivenApp app;
    private static TicketApi api;

    @BeforeAll
    static void startTheAppWithAModel() {
        app = new ModelDrivenApp(Map.of());
        app.useModel(new SyntheticTickets(20, 7).trainInto(models.resolve("model"), true));
        api = app.api();
    }

    @AfterAll
    static void stopTheApp() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aPlaybookResolutionIsAutomatedAndAnAgentsIsHumanInTheKpisAndTheRoi() {
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        lockOut("maria.costa");
        String automated = api.submit(request("maria.costa", "Account locked",
                "Windows says my account is locked out after too many attempts, please unlock it."));
        api.awaitTicket(automated, view -> TicketApi.actions(view).contains("remediation.playbook-succeeded")
                && hasConfirmationRequest(view));
        assertThat(api.answerConfirmation(automated, true).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        api.awaitState(automated, "closed");

        AutomationControls controls = app.bean(AutomationControls.class);
        controls.change(TENANT, new AutomationControls.Settings(false, AutomationControls.Mode.LIVE),
                Actor.human("test"), "An agent works this request");
        String human = api.submit(request("ana.silva", "VPN not connecting",
                "The VPN client shows an error when I connect from home."));
        JsonNode task = api.awaitOpenTask(human);
        controls.change(TENANT, new AutomationControls.Settings(true, AutomationControls.Mode.LIVE),
                Actor.human("test"), "Back to normal");
        api.claim(task, "agent.rita");
        api.complete(task, "agent.rita", """
                {"resolution": "resolved", "resolutionNotes": "VPN profile reinstalled",
                 "resolvedByGroup": "Network Team", "runbookUsed": "vpn-access"}""");
        api.awaitState(human, "resolved");
        Instant to = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        String period = "?from=" + from + "&to=" + to;

        JsonNode kpis = app.http().getForObject("/api/tenants/demo/reports/kpis" + period, JsonNode.class);
        JdbcClient jdbc = app.bean(JdbcClient.class);
        KpiOracle oracle = new KpiOracle(jdbc, TENANT, from, to);
        TicketRow automatedRow = row(oracle, automated);
        TicketRow humanRow = row(oracle, human);
        assertThat(oracle.automated(automatedRow)).isTrue();
        assertThat(oracle.automated(humanRow)).isFalse();
        assertThat(kpis.path("volume").path("created").asLong()).isEqualTo(2);
        assertThat(kpis.path("volume").path("closed").asLong()).isEqualTo(1);
        assertThat(kpis.path("automation").path("resolved").asLong()).isEqualTo(2);
        assertThat(kpis.path("automation").path("automated").asLong()).isEqualTo(1);
        assertThat(kpis.path("automation").path("rate").asDouble()).isEqualTo(0.5);

        JsonNode firstResponse = kpis.path("firstResponse").path("times");
        assertThat(firstResponse.path("automated").path("count").asLong()).isOne();
        assertThat(firstResponse.path("automated").path("medianSeconds").asDouble())
                .isCloseTo(oracle.firstResponseSeconds(automatedRow), within(1e-3));
        assertThat(firstResponse.path("human").path("medianSeconds").asDouble())
                .isCloseTo(oracle.firstResponseSeconds(humanRow), within(1e-3));
        JsonNode resolution = kpis.path("resolutionTimes").path("overall");
        assertThat(resolution.path("automated").path("meanSeconds").asDouble())
                .isCloseTo(KpiOracle.resolutionSeconds(automatedRow), within(1e-3));
        assertThat(resolution.path("human").path("meanSeconds").asDouble())
                .isCloseTo(KpiOracle.resolutionSeconds(humanRow), within(1e-3));
        assertThat(kpis.path("escalation").path("handedToPeople").asLong()).isOne();

        List<Map<String, Object>> predictions = jdbc.sql("""
                        select predicted_group, actual_group from triage_predictions
                        where tenant_id = ? and predicted_at >= ?""").params(TENANT, Timestamp.from(from))
                .query().listOfRows();
        JsonNode accuracy = kpis.path("modelAccuracy");
        assertThat(accuracy.path("predictions").asLong()).isEqualTo(predictions.size()).isEqualTo(2);
        assertThat(accuracy.path("outcomes").asLong())
                .isEqualTo(predictions.stream().filter(p -> p.get("actual_group") != null).count());
        assertThat(accuracy.path("correct").asLong())
                .isEqualTo(predictions.stream().filter(p -> p.get("predicted_group").equals(p.get("actual_group"))).count());

        JsonNode roi = app.http().getForObject("/api/tenants/demo/reports/roi" + period, JsonNode.class);
        assertThat(roi.path("variables").path("automationRate").path("value").asDouble()).isEqualTo(0.5);
        assertThat(roi.path("variables").path("automationRate").path("source").asText()).isEqualTo("measured");
        double monthlyVolume = roi.path("variables").path("monthlyVolume").path("value").asDouble();
        double handlingHours = roi.path("variables").path("handlingMinutes").path("value").asDouble() / 60;
        double hourlyCost = roi.path("variables").path("hourlyCost").path("value").asDouble();
        assertThat(roi.path("savings").path("engineerHoursSavedPerMonth").asDouble())
                .isCloseTo(monthlyVolume * 0.5 * handlingHours, within(1e-6));
        assertThat(roi.path("savings").path("costSavedPerMonth").asDouble()).isCloseTo(
                monthlyVolume * 0.5 * (handlingHours * hourlyCost
                        - roi.path("variables").path("costPerAutomatedTicket").path("value").asDouble()), within(1e-6));
    }

    private static TicketRow row(KpiOracle oracle, String ticketId) {
        return oracle.tickets.stream().filter(t -> t.ticketId().equals(UUID.fromString(ticketId))).findFirst()
                .orElseThrow();
    }

    private static boolean hasConfirmationRequest(JsonNode ticket) {
        return StreamSupport.stream(ticket.path("history").spliterator(), false)
                .anyMatch(e -> e.path("bpmnElementId").asText().equals("request-confirmation"));
    }

    private static String request(String requester, String subject, String body) {
        return """
                {"channel": "portal", "requester": {"id": "%s", "email": "%s@demo.example"},
                 "subject": "%s", "body": "%s", "impact": "low", "urgency": "medium"}"""
                .formatted(requester, requester, subject, body);
    }

    /** Locks the account out, as a directory's password policy does after too many failed sign-ins. */
    private static void lockOut(String username) {
        var settings = app.bean(EmbeddedDirectoryServer.class).settings();
        String dn;
        try (LdapDirectory directory = new LdapDirectory(settings)) {
            dn = directory.findAccount(username).orElseThrow().distinguishedName();
        }
        try (var connection = new LDAPConnection("127.0.0.1", new LDAPURL(settings.url()).getPort(),
                settings.bindDn(), settings.bindPassword())) {
            connection.modify(dn, new Modification(ModificationType.REPLACE, "pwdAccountLockedTime", "20261201080000Z"));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }
}

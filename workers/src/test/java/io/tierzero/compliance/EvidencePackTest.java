package io.tierzero.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.tierzero.audit.ActionSignatures;
import io.tierzero.audit.ActionSignatures.SignedAction;
import io.tierzero.audit.Actor;
import io.tierzero.audit.ActorKind;
import io.tierzero.audit.AuditEntry;
import io.tierzero.audit.AuditTrail;
import io.tierzero.embedded.EmbeddedPostgresServer;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.Requests;
import io.tierzero.support.TicketApi;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/** The ISO 20000 evidence pack of a period, built from a tenant's real trail, and what tampering does to it. */
class EvidencePackTest extends EmbeddedStackTest {

    @Autowired
    private ActionSignatures signatures;

    @Autowired
    private AuditTrail auditTrail;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private EmbeddedPostgresServer postgres;

    @Test
    void thePackShowsTheVerifiedChainTheSlaVerdictsTheSignedActionsASampleAndTheControls() throws Exception {
        String tenant = newTenant();
        String from = Instant.now().minusSeconds(1).toString();
        TicketApi api = new TicketApi(http, tenant);
        String resolvedByAnAgent = api.submit(Requests.passwordReset("Evidence: resolved by an agent"));
        JsonNode task = api.awaitOpenTask(resolvedByAnAgent);
        api.claim(task, "agent.rita");
        api.complete(task, "agent.rita", "{\"resolution\": \"resolved\", \"resolutionNotes\": \"Unlocked\"}");
        api.awaitState(resolvedByAnAgent, "resolved");
        String automated = api.submit(Requests.passwordReset("Evidence: automated"));
        long signedEvent = appendSignedPlaybookRecord(tenant, UUID.fromString(automated));
        // the period ends now; events the lifecycles append later (messages being sent) fall outside it
        Instant end = Instant.now();
        String to = end.toString();
        Thread.sleep(2_000);

        JsonNode pack = pack(tenant, from, to);

        assertThat(pack.path("chain").path("intact").asBoolean()).isTrue();
        long judged = jdbc.sql("select count(*) from tickets where tenant_id = ? and first_resolved_at is not null").param(tenant)
                .query(Long.class).single();
        long met = jdbc.sql("select count(*) from tickets where tenant_id = ? and resolution_met").param(tenant)
                .query(Long.class).single();
        assertThat(judged).isEqualTo(1);
        assertThat(pack.path("slaTotal").path("resolved").asLong()).isEqualTo(judged);
        assertThat(pack.path("slaTotal").path("resolutionMet").asLong()).isEqualTo(met);
        JsonNode action = pack.path("automatedActions").get(0);
        assertThat(pack.path("automatedActions")).hasSize(1);
        assertThat(action.path("sequenceNumber").asLong()).isEqualTo(signedEvent);
        assertThat(action.path("valid").asBoolean()).isTrue();
        assertThat(action.path("approvedBy").asText()).isEqualTo("maria.costa");
        long eventsInPeriod = jdbc.sql("select count(*) from ticket_events where tenant_id = ? and occurred_at < ?")
                .params(tenant, Timestamp.from(end)).query(Long.class).single();
        assertThat(pack.path("auditSample")).hasSize((int) Math.min(EvidencePacks.SAMPLE_SIZE, eventsInPeriod));
        assertThat(pack.path("auditSample")).isEqualTo(pack(tenant, from, to).path("auditSample"));
        assertThat(StreamSupport.stream(pack.path("controls").spliterator(), false).map(control -> control.path("clause").asText()))
                .hasSizeGreaterThanOrEqualTo(10).contains("7.5 Documented information", "8.3.3 Service level management");

        ResponseEntity<String> html = http.getForEntity("/api/tenants/%s/evidence-pack?from=%s&to=%s".formatted(tenant, from, to),
                String.class);
        assertThat(html.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(html.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment")
                .contains("tierzero-evidence-" + tenant);
        assertThat(html.getBody()).contains("Chain intact", "<span class=\"valid\">valid</span>", "8.6.2 Service request management");

        ResponseEntity<byte[]> pdf = http.getForEntity("/api/tenants/%s/evidence-pack?format=pdf&from=%s&to=%s".formatted(tenant, from, to),
                byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(pdf.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains(".pdf");
        PdfReader document = new PdfReader(pdf.getBody());
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= document.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(document).getTextFromPage(page));
        }
        // the text of a table comes out line by line across its cells: short phrases only
        assertThat(text.toString().replaceAll("\\s+", " ")).contains("Chain intact", "Ed25519", "valid", "8.6.2");
    }

    @Test
    void aTamperedSignedRecordBreaksTheChainAndItsSignatureInThePack() throws Exception {
        String tenant = newTenant();
        String from = Instant.now().minusSeconds(1).toString();
        String automated = new TicketApi(http, tenant).submit(Requests.passwordReset("Evidence: tampered"));
        long signedEvent = appendSignedPlaybookRecord(tenant, UUID.fromString(automated));

        try (Connection superuser = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             Statement statement = superuser.createStatement()) {
            statement.execute("set session_replication_role = replica");
            statement.executeUpdate("update ticket_events set payload = replace(payload, 'maria.costa', 'nobody') "
                    + "where tenant_id = '" + tenant + "' and sequence_number = " + signedEvent);
        }

        JsonNode pack = pack(tenant, from, Instant.now().plusSeconds(60).toString());
        assertThat(pack.path("chain").path("intact").asBoolean()).isFalse();
        assertThat(pack.path("chain").path("firstBrokenSequence").asLong()).isEqualTo(signedEvent);
        assertThat(pack.path("automatedActions").get(0).path("valid").asBoolean()).isFalse();
    }

    @Test
    void aBadPeriodOrFormatIsAProblemDetail() {
        // the period is a report's period (ReportWindow): its errors are the reports API's
        for (String query : new String[] {"from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "from=last-month",
                "from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z"}) {
            ResponseEntity<JsonNode> answer = http.getForEntity("/api/tenants/demo/evidence-pack?" + query, JsonNode.class);
            assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().path("title").asText()).isEqualTo("Invalid report request");
        }
        ResponseEntity<JsonNode> docx = http.getForEntity("/api/tenants/demo/evidence-pack?format=docx", JsonNode.class);
        assertThat(docx.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(docx.getBody().path("title").asText()).isEqualTo("Invalid evidence pack request");
        assertThat(http.getForEntity("/api/tenants/nobody/evidence-pack", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private String newTenant() {
        String tenant = "evidence-" + Long.toString(System.nanoTime(), 36);
        jdbc.sql("insert into tenants (tenant_id, name, service_tier, region) values (?, 'Evidence test', 'gold', 'emea')")
                .param(tenant).update();
        return tenant;
    }

    /** A playbook's signed record as Remediation writes it, for a ticket of the tenant. */
    private long appendSignedPlaybookRecord(String tenant, UUID ticketId) {
        Map<String, Object> signed = signatures.sign(new SignedAction(tenant, ticketId, UUID.randomUUID(), "password-reset",
                "3", ActionSignatures.digestOf(Map.of("user", "ana.silva")), "succeeded", "maria.costa"));
        return transactions.execute(status -> auditTrail.append(new AuditEntry(tenant, ticketId, "remediation.playbook-succeeded",
                null, null, new Actor(ActorKind.AUTOMATION, "tierzero-automation"), "Password reset", null, null, null,
                signed)).sequenceNumber());
    }

    private JsonNode pack(String tenant, String from, String to) {
        ResponseEntity<JsonNode> answer = http.getForEntity("/api/tenants/%s/evidence-pack?format=json&from=%s&to=%s"
                .formatted(tenant, from, to), JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }
}

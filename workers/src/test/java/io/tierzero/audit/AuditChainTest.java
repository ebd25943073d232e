package io.tierzero.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.embedded.EmbeddedPostgresServer;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.Requests;
import io.tierzero.support.TicketApi;
import java.sql.Connection;
import java.sql.DriverManager;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;

/**
 * The audit trail on the real database: the application may only read and append, not even the schema owner
 * can change it, and an edit or deletion made around the guard (as a superuser, with triggers disabled) is
 * found by the chain verification.
 */
class AuditChainTest extends EmbeddedStackTest {

    @Autowired
    private AuditChainVerifier verifier;

    @Autowired
    private AuditTrail auditTrail;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private EmbeddedPostgresServer postgres;

    private String tenant;
    private TicketApi api;

    @BeforeEach
    void ownTenant() {
        tenant = "audit-" + Long.toString(System.nanoTime(), 36);
        jdbc.sql("insert into tenants (tenant_id, name, service_tier, region) values (?, 'Audit test', 'gold', 'emea')")
                .param(tenant).update();
        api = new TicketApi(http, tenant);
    }

    @Test
    void anIntactChainVerifies() {
        String ticketId = api.submit(Requests.passwordReset("Audit intact"));
        api.awaitOpenTask(ticketId);

        ChainVerification verification = verifier.verify(tenant);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.eventsChecked()).isGreaterThanOrEqualTo(7);
        assertThat(verification.firstBrokenSequence()).isNull();
        CommandRun command = auditVerify("--tenant", tenant);
        assertThat(command.exitCode()).as(command.err()).isZero();
        assertThat(command.out()).containsPattern(tenant + "\\s+\\d+\\s+intact");
    }

    @Test
    void theApplicationMayOnlyReadAndAppendAuditEvents() {
        String ticketId = api.submit(Requests.passwordReset("Audit privileges"));
        api.awaitOpenTask(ticketId);

        assertThatThrownBy(() -> jdbc.sql("update ticket_events set reason = 'nothing happened' where tenant_id = ?")
                .param(tenant).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from ticket_events where tenant_id = ?").param(tenant).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("set session_replication_role = replica").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThat(verifier.verify(tenant).intact()).isTrue();
    }

    @Test
    void evenTheSchemaOwnerCannotUpdateOrDeleteAuditEvents() throws Exception {
        String ticketId = api.submit(Requests.passwordReset("Audit guard"));
        api.awaitOpenTask(ticketId);

        try (Connection owner = superuserConnection(); Statement statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "update ticket_events set reason = 'nothing happened' where tenant_id = '" + tenant + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("delete from ticket_events where tenant_id = '" + tenant + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("truncate ticket_events"))
                    .hasMessageContaining("append-only");
        }
        assertThat(verifier.verify(tenant).intact()).isTrue();
    }

    @Test
    void anEditedEventIsFoundAndNamed() throws Exception {
        String ticketId = api.submit(Requests.passwordReset("Audit edit"));
        api.awaitOpenTask(ticketId);

        asSuperuserBypassingTheGuard("update ticket_events set actor_id = 'someone-else' where tenant_id = '" + tenant
                + "' and sequence_number = 3");

        ChainVerification verification = verifier.verify(tenant);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(3);
        assertThat(verification.problem()).contains("content of event 3 was edited");
        CommandRun command = auditVerify("--tenant", tenant);
        assertThat(command.exitCode()).isEqualTo(AuditCommand.BROKEN);
        assertThat(command.out()).contains(tenant, "BROKEN at event 3: the content of event 3 was edited", "by someone-else");
    }

    /** This stack runs without OpenSearch: the search says so, the trail and its check do not depend on it. */
    @Test
    void withoutTheSearchIndexTheSearchIsUnavailableAndTheChainCheckStillWorks() {
        ResponseEntity<JsonNode> search = http.getForEntity("/api/tenants/" + tenant + "/audit/events?actor=someone", JsonNode.class);

        assertThat(search.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(search.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(search.getBody().path("detail").asText()).contains("audit trail is intact in the database");
        assertThat(http.getForObject("/api/tenants/" + tenant + "/audit/verification", JsonNode.class).path("intact").asBoolean())
                .isTrue();
    }

    @Test
    void theCommandChecksEveryTenantAndRefusesAnUnknownOne() throws Exception {
        String ticketId = api.submit(Requests.passwordReset("Audit all tenants"));
        api.awaitOpenTask(ticketId);
        asSuperuserBypassingTheGuard("delete from ticket_events where tenant_id = '" + tenant + "' and sequence_number = 2");

        CommandRun everyTenant = auditVerify();
        assertThat(everyTenant.exitCode()).isEqualTo(AuditCommand.BROKEN);
        assertThat(everyTenant.out()).contains(tenant + " ", "BROKEN at event 2: event 2 is missing (deleted)")
                .containsPattern("demo\\s+\\d+\\s+intact");

        CommandRun unknown = auditVerify("--tenant", "nobody");
        assertThat(unknown.exitCode()).isEqualTo(AuditCommand.BAD_INPUT);
        assertThat(unknown.err()).contains("There is no tenant 'nobody'");
    }

    @Test
    void anEditedPayloadIsFound() throws Exception {
        String ticketId = api.submit(Requests.passwordReset("Audit payload"));
        api.awaitOpenTask(ticketId);

        asSuperuserBypassingTheGuard("update ticket_events set payload = '{}' where tenant_id = '" + tenant
                + "' and sequence_number = 1");

        ChainVerification verification = verifier.verify(tenant);
        assertThat(verification.firstBrokenSequence()).isEqualTo(1);
        assertThat(verification.problem()).contains("payload of event 1 was edited");
    }

    @Test
    void aDeletedEventIsFound() throws Exception {
        String ticketId = api.submit(Requests.passwordReset("Audit delete"));
        api.awaitOpenTask(ticketId);

        asSuperuserBypassingTheGuard("delete from ticket_events where tenant_id = '" + tenant + "' and sequence_number = 2");

        ChainVerification verification = verifier.verify(tenant);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(2);
        assertThat(verification.problem()).contains("event 2 is missing");
    }

    /** Tenant-level events without a lifecycle behind them: nothing else appends while the newest is deleted. */
    @Test
    void deletingTheNewestEventsIsFoundThroughTheChainHead() throws Exception {
        for (int i = 1; i <= 3; i++) {
            var entry = new AuditEntry(tenant, null, "automation.controls-changed", null, null,
                    Actor.human("ops-" + i), "change " + i, null, null, null, Map.of("change", i));
            transactions.executeWithoutResult(status -> auditTrail.append(entry));
        }

        asSuperuserBypassingTheGuard("delete from ticket_events where tenant_id = '" + tenant + "' and sequence_number = 3");

        ChainVerification verification = verifier.verify(tenant);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(3);
        assertThat(verification.problem()).contains("deleted at the end");
    }

    private record CommandRun(int exitCode, String out, String err) {
    }

    /** {@code ./tierzero audit verify}, on the test stack's database as an external one. */
    private CommandRun auditVerify(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = AuditCommand.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exitCode = command.execute(Stream.concat(Stream.of("verify"), Stream.concat(Stream.of(args), Stream.of(
                "--jdbc-url", postgres.jdbcUrl(), "--db-user", postgres.applicationUsername(),
                "--db-password", postgres.password()))).toArray(String[]::new));
        return new CommandRun(exitCode, out.toString(), err.toString());
    }

    /** Replica mode, which only a superuser may set, skips the append-only triggers. */
    private void asSuperuserBypassingTheGuard(String sql) throws Exception {
        try (Connection connection = superuserConnection(); Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            try {
                assertThat(statement.executeUpdate(sql)).isOne();
            } finally {
                statement.execute("set session_replication_role = origin");
            }
        }
    }

    private Connection superuserConnection() throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }
}

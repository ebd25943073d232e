package io.tierzero.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole embedded product for API and lifecycle tests: the in-memory Zeebe engine, a real PostgreSQL from
 * the embedded binaries and the app on a random port. The managed OpenSearch node has its own test. All test
 * classes extending this share one running application (Spring's context cache).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// tests leave metrics export off unless asked: the Prometheus endpoint is part of what is tested
@AutoConfigureObservability(tracing = false)
public abstract class EmbeddedStackTest {

    protected static final Path DATA_DIR = newDataDir();
    /** Tenants whose monitoring webhooks accept {@link #ALERT_TEST_TOKEN}; the tests that use them create them. */
    protected static final String ALERT_TEST_TENANT = "alerts-test";
    protected static final String ALERTMANAGER_TEST_TENANT = "alertmanager-test";
    protected static final String ALERT_TEST_TOKEN = "monitoring-test-token";
    /** A tenant on a business-hours calendar of one hour a day (09:00-10:00 UTC); the SLA test creates it. */
    protected static final String SLA_TEST_TENANT = "sla-hours";
    protected static final String SLA_TEST_CALENDAR = "one-hour-a-day";
    /** The demo tenant's Slack signing secret and Teams security token (base64, as Teams shows it). */
    protected static final String SLACK_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    protected static final String TEAMS_SECURITY_TOKEN = "dGllcnplcm8tdGVhbXMtdGVzdC1zZWN1cml0eS10b2tlbg==";
    private static final int ZEEBE_PORT = freePort();
    private static final int POSTGRES_PORT = freePort();

    /** The API, signed in as {@link TestAccounts#STAFF}. */
    protected TestRestTemplate http;
    /** The API without credentials. */
    protected TestRestTemplate anonymous;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    void signIn(TestRestTemplate anonymous) {
        this.anonymous = anonymous;
        this.http = TestAccounts.staff(anonymous);
    }

    @DynamicPropertySource
    static void embeddedStack(DynamicPropertyRegistry registry) {
        stackProperties(DATA_DIR, ZEEBE_PORT, POSTGRES_PORT).forEach((name, value) -> registry.add(name, () -> value));
    }

    public static Map<String, String> stackProperties(Path dataDir, int zeebePort, int postgresPort) {
        return TestAccounts.plus(Map.ofEntries(
                Map.entry("tierzero.data-dir", dataDir.toString()),
                // Camel's servlet registry is one per JVM: each app of a test run needs its own servlet name
                Map.entry("camel.servlet.mapping.servlet-name", "CamelServlet-" + postgresPort),
                Map.entry("camel.component.servlet.servlet-name", "CamelServlet-" + postgresPort),
                Map.entry("tierzero.embedded.zeebe.port", Integer.toString(zeebePort)),
                Map.entry("tierzero.embedded.postgres.port", Integer.toString(postgresPort)),
                Map.entry("tierzero.embedded.opensearch.enabled", "false"),
                Map.entry("tierzero.embedded.directory.port", Integer.toString(freePort())),
                // nothing listens there: runbook retrieval is unavailable, whatever node runs on this machine's 9200
                Map.entry("tierzero.opensearch.url", "http://127.0.0.1:" + freePort()),
                Map.entry("management.health.opensearch.enabled", "false"),
                Map.entry("tierzero.embedded.mail.smtp-port", Integer.toString(freePort())),
                Map.entry("tierzero.embedded.mail.imap-port", Integer.toString(freePort())),
                // failed messages are tried again within seconds
                Map.entry("tierzero.communication.dispatch-interval", "PT0.5S"),
                Map.entry("tierzero.communication.retry-backoff", "PT1S"),
                Map.entry("tierzero.communication.max-backoff", "PT2S"),
                // replies to the service desk's e-mails are read within a second
                Map.entry("tierzero.communication.replies.poll-interval", "PT0.5S"),
                // e-mail attachments above 1 MB are not kept, so a test mail can go beyond the limit
                Map.entry("tierzero.communication.intake.max-attachment-size", "1MB"),
                // the monitoring webhook tokens of the alert tests' tenants
                Map.entry("tierzero.monitoring.tokens." + ALERT_TEST_TENANT, ALERT_TEST_TOKEN),
                Map.entry("tierzero.monitoring.tokens." + ALERTMANAGER_TEST_TENANT, ALERT_TEST_TOKEN),
                // the demo tenant's chat bots
                Map.entry("tierzero.chat.demo.slack-signing-secret", SLACK_SIGNING_SECRET),
                Map.entry("tierzero.chat.demo.teams-security-token", TEAMS_SECURITY_TOKEN),
                // business time far from wall-clock time, whenever the test runs
                Map.entry("tierzero.sla.calendars." + SLA_TEST_CALENDAR + ".zone", "UTC"),
                Map.entry("tierzero.sla.calendars." + SLA_TEST_CALENDAR + ".hours.monday-sunday", "09:00-10:00"),
                Map.entry("tierzero.sla.tenant-calendars." + SLA_TEST_TENANT, SLA_TEST_CALENDAR)));
    }

    /** Command-line arguments: they win over application.yml, unlike SpringApplicationBuilder.properties(). */
    public static String[] asArguments(Map<String, String> properties) {
        return properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
    }

    public static Path newDataDir() {
        try {
            return Files.createTempDirectory("tierzero-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

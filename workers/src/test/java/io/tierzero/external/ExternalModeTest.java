package io.tierzero.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.tierzero.TierZeroApplication;
import io.tierzero.embedded.EmbeddedPostgresServer;
import io.tierzero.embedded.ManagedOpenSearch;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.TestAccounts;
import io.tierzero.support.Requests;
import io.tierzero.support.TicketApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same application in external mode, configured only by the profile and properties: it runs no server of
 * its own and works against an engine reached over gRPC and a PostgreSQL reached over JDBC (here a Zeebe engine
 * and a PostgreSQL server started by the test, standing where a Camunda cluster and a database server would).
 */
class ExternalModeTest {

    @Test
    void theSameApplicationRunsAgainstAnExternalEngineAndDatabase() throws Exception {
        Path dataDir = Files.createTempDirectory("tierzero-external");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        int enginePort = EmbeddedStackTest.freePort();
        ZeebeTestEngine engine = EngineFactory.create(enginePort);
        EmbeddedPostgresServer database = new EmbeddedPostgresServer(dataDir.resolve("postgres"), EmbeddedStackTest.freePort());
        engine.start();
        database.start();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TierZeroApplication.class)
                .profiles("external")
                .run(EmbeddedStackTest.asArguments(TestAccounts.plus(Map.ofEntries(
                        Map.entry("server.port", "0"),
                        Map.entry("camel.servlet.mapping.servlet-name", "CamelServlet-external"),
                        Map.entry("camel.component.servlet.servlet-name", "CamelServlet-external"),
                        Map.entry("camunda.client.grpc-address", "http://127.0.0.1:" + enginePort),
                        Map.entry("spring.datasource.url", database.jdbcUrl()),
                        Map.entry("spring.datasource.username", database.applicationUsername()),
                        Map.entry("spring.datasource.password", database.password()),
                        Map.entry("spring.flyway.user", database.username()),
                        Map.entry("spring.flyway.password", database.password()),
                        Map.entry("tierzero.demo-data-location", ",classpath:db/demo"),
                        Map.entry("management.health.opensearch.enabled", "false")))))) {
            assertThat(app.getBeanNamesForType(ZeebeTestEngine.class)).isEmpty();
            assertThat(app.getBeanNamesForType(EmbeddedPostgresServer.class)).isEmpty();
            assertThat(app.getBeanNamesForType(ManagedOpenSearch.class)).isEmpty();
            assertThat(app.getBean(JdbcClient.class).sql("select current_user").query(String.class).single())
                    .isEqualTo("tierzero_app");

            String root = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            TicketApi api = new TicketApi(TestAccounts.staff(new TestRestTemplate(new RestTemplateBuilder().rootUri(root))), "demo");
            String ticketId = api.submit(Requests.passwordReset("External mode"));
            assertThat(api.awaitOpenTask(ticketId).path("formId").asText()).isEqualTo("work-on-request");
        } finally {
            database.stop();
            engine.stop();
        }
    }
}

package io.tierzero.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

class EmbeddedConfigurationTest {

    @TempDir
    Path dataDir;

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JacksonAutoConfiguration.class))
            .withUserConfiguration(Properties.class, TierZeroDataDirectory.class, EmbeddedConfiguration.class,
                    OpenSearchConfiguration.class);

    @Test
    void embeddedModeProvidesTheDataSourceOfTheEmbeddedServer() throws IOException {
        // as root the server runs as uid 65534, which must be able to enter the temporary folder
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port = freePort();
        int unusedPort = freePort();
        context.withPropertyValues("tierzero.data-dir=" + dataDir, "tierzero.embedded.postgres.port=" + port,
                        "tierzero.embedded.opensearch.enabled=false", "tierzero.embedded.opensearch.port=" + unusedPort)
                .run(context -> {
                    assertThat(context).hasSingleBean(DataSource.class).hasSingleBean(EmbeddedPostgresServer.class)
                            .doesNotHaveBean(ManagedOpenSearch.class).hasSingleBean(OpenSearchClient.class);
                    HikariDataSource dataSource = context.getBean(HikariDataSource.class);
                    assertThat(dataSource.getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/tierzero");
                    assertThat(new JdbcTemplate(dataSource).queryForObject("select current_database()", String.class))
                            .isEqualTo("tierzero");
                    assertThat(new JdbcTemplate(dataSource).queryForObject(
                            "select rolsuper from pg_roles where rolname = current_user", Boolean.class)).isFalse();
                    // the client still points at the port of the (disabled) managed node, where nothing answers
                    assertThat(context.getBean(OpenSearchHealthIndicator.class).health().getStatus())
                            .isEqualTo(Status.DOWN);
                });
        assertThat(dataDir.resolve("postgres/data/postmaster.pid")).doesNotExist();
    }

    @Test
    void externalModeStartsNothing() {
        context.withPropertyValues("tierzero.mode=external", "tierzero.data-dir=" + dataDir,
                        "spring.datasource.url=jdbc:postgresql://db.example.com/tierzero",
                        "tierzero.opensearch.url=https://search.example.com:9200",
                        "tierzero.opensearch.trust-all-certificates=true",
                        "tierzero.opensearch.username=tierzero", "tierzero.opensearch.password=secret")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.class)
                            .doesNotHaveBean(ManagedOpenSearch.class).hasSingleBean(OpenSearchClient.class);
                    assertThat(context.getBean(HikariDataSource.class).getJdbcUrl())
                            .isEqualTo("jdbc:postgresql://db.example.com/tierzero");
                });
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    @EnableConfigurationProperties({TierZeroProperties.class, EmbeddedProperties.class, OpenSearchProperties.class})
    static class Properties {
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

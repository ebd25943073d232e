package io.tierzero.embedded;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: PostgreSQL and OpenSearch run as child processes with their state in the data directory.
 * The DataSource defined here makes Spring Boot's own DataSource auto-configuration back off; Flyway uses it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tierzero.mode", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedConfiguration {

    // declared first so that its slow start begins as early as possible
    @Bean(initMethod = "start", destroyMethod = "stop")
    @ConditionalOnProperty(name = "tierzero.embedded.opensearch.enabled", matchIfMissing = true)
    ManagedOpenSearch managedOpenSearch(TierZeroDataDirectory dataDirectory, EmbeddedProperties embedded,
            OpenSearchProperties opensearch) {
        return new ManagedOpenSearch(dataDirectory.resolve("opensearch"), opensearch.distributionDir(),
                embedded.opensearch().port(), embedded.opensearch().heap());
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    EmbeddedPostgresServer embeddedPostgresServer(TierZeroDataDirectory dataDirectory, EmbeddedProperties embedded) {
        return new EmbeddedPostgresServer(dataDirectory.resolve("postgres"), embedded.postgres().port());
    }

    /** Migrations run as the owner of the schema; the application connects with its own, lesser role. */
    @Bean
    FlywayConfigurationCustomizer migrateAsSchemaOwner(EmbeddedPostgresServer postgres) {
        return configuration -> configuration.dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("tierzero");
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(postgres.applicationUsername());
        dataSource.setPassword(postgres.password());
        return dataSource;
    }
}

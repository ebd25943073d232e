package io.tierzero.cli;

import io.tierzero.embedded.EmbeddedPostgresServer;
import io.tierzero.embedded.TierZeroProperties;
import java.nio.file.Path;
import java.util.function.Function;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine.Option;

/**
 * Where a command finds TierZero's database: the embedded PostgreSQL of the data folder (the running app's
 * server, or one started for the command and stopped after it), or an external one given by {@code --jdbc-url}.
 * Used as a picocli mixin.
 */
public class DatabaseOptions {

    @Option(names = "--data-dir", description = "TierZero's data folder (default: TIERZERO_DATA_DIR, else ~/.tierzero)")
    Path dataDir;

    @Option(names = "--postgres-port", defaultValue = "${env:TIERZERO_EMBEDDED_POSTGRES_PORT:-54329}",
            description = "Port of the embedded PostgreSQL (default ${DEFAULT-VALUE})")
    int postgresPort;

    @Option(names = "--jdbc-url", description = "An external database instead of the embedded one")
    String jdbcUrl;

    @Option(names = "--db-user", defaultValue = "${env:TIERZERO_DB_USER:-tierzero_app}",
            description = "User for --jdbc-url (default ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--db-password", defaultValue = "${env:TIERZERO_DB_PASSWORD}",
            description = "Password for --jdbc-url (default: TIERZERO_DB_PASSWORD)")
    String password;

    public <T> T withDatabase(Function<DriverManagerDataSource, T> work) {
        if (jdbcUrl != null) {
            return work.apply(new DriverManagerDataSource(jdbcUrl, user, password));
        }
        Path home = new TierZeroProperties(dataDir).dataDir().toAbsolutePath().normalize().resolve("postgres");
        EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(home, postgresPort);
        postgres.registerShutdownHook();
        postgres.start();
        try {
            return work.apply(new DriverManagerDataSource(postgres.jdbcUrl(), postgres.applicationUsername(),
                    postgres.password()));
        } finally {
            postgres.stop();
        }
    }
}

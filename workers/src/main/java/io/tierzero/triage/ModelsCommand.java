package io.tierzero.triage;

import ch.qos.logback.classic.Level;
import io.tierzero.audit.Actor;
import io.tierzero.audit.AuditTrail;
import io.tierzero.embedded.EmbeddedPostgresServer;
import io.tierzero.embedded.TierZeroProperties;
import io.tierzero.tenant.TenantRepository;
import io.tierzero.triage.model.InvalidDataException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./tierzero models register|activate|list}: the model registry from the command line. It works on the
 * embedded PostgreSQL of the data folder (the running app's server, or one started for the command and stopped
 * after it), or on the database of {@code --jdbc-url}. A running app picks up an activation within its refresh
 * interval ({@code tierzero.triage.model-refresh-interval}). Bad input ends with one error line and exit code 2.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Registers trained triage models, activates one, lists them.",
        subcommands = {ModelsCommand.Register.class, ModelsCommand.Activate.class, ModelsCommand.ListModels.class})
public class ModelsCommand implements Runnable {

    static final int BAD_INPUT = 2;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // without a logging configuration Logback prints every INFO line to stdout, amid the command's output
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ModelsCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InvalidDataException || ex instanceof UnknownModelVersionException
                    || ex instanceof DataAccessException) {
                commandLine.getErr().println("tierzero models " + commandLine.getCommandName() + ": error: "
                        + ex.getMessage());
                commandLine.getErr().flush();
                return BAD_INPUT;
            }
            throw ex;
        });
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: register, activate or list");
    }

    /** Where the registry's database is. */
    static class Database {
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

        <T> T withRegistry(Function<ModelRegistry, T> work) {
            if (jdbcUrl != null) {
                return work.apply(registry(new DriverManagerDataSource(jdbcUrl, user, password)));
            }
            Path home = new TierZeroProperties(dataDir).dataDir().toAbsolutePath().normalize().resolve("postgres");
            EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(home, postgresPort);
            postgres.registerShutdownHook();
            postgres.start();
            try {
                return work.apply(registry(new DriverManagerDataSource(postgres.jdbcUrl(),
                        postgres.applicationUsername(), postgres.password())));
            } finally {
                postgres.stop();
            }
        }

        private static ModelRegistry registry(DriverManagerDataSource dataSource) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            Clock clock = Clock.systemUTC();
            return new ModelRegistry(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                    new AuditTrail(jdbc, clock), new TenantRepository(jdbc), clock);
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Stores a model folder (written by 'tierzero train') in the registry and prints its version.")
    static class Register implements Callable<Integer> {
        @Parameters(index = "0", description = "The model folder (model.json, weights.bin)")
        Path modelDir;

        @Option(names = "--activate", description = "Make it the active model as well")
        boolean activate;

        @Option(names = "--user", defaultValue = "${sys:user.name}", description = "Who activates (default: ${DEFAULT-VALUE})")
        String user;

        @Mixin
        Database database = new Database();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RegisteredModel model = database.withRegistry(registry -> {
                RegisteredModel registered = registry.register(modelDir);
                return activate ? registry.activate(registered.version(), Actor.human(user)) : registered;
            });
            out.println(model.version() + (model.active() ? " (active)" : ""));
            out.flush();
            return 0;
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true,
            description = "Makes a registered model the one triage uses.")
    static class Activate implements Callable<Integer> {
        @Parameters(index = "0", description = "The model's version, as 'models list' prints it")
        String version;

        @Option(names = "--user", defaultValue = "${sys:user.name}", description = "Who activates (default: ${DEFAULT-VALUE})")
        String user;

        @Mixin
        Database database = new Database();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            RegisteredModel model = database.withRegistry(registry -> registry.activate(version, Actor.human(user)));
            spec.commandLine().getOut().println(model.version() + " (active)");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the registered models, newest first.")
    static class ListModels implements Callable<Integer> {
        @Mixin
        Database database = new Database();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<RegisteredModel> models = database.withRegistry(ModelRegistry::list);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%-30s %-6s %-21s %-20s %s%n", "VERSION", "ACTIVE", "TRAINED", "LABEL", "LAST ACTIVATED");
            for (RegisteredModel model : models) {
                out.printf(Locale.ROOT, "%-30s %-6s %-21s %-20s %s%n", model.version(), model.active() ? "yes" : "",
                        seconds(model.trainedAt()), model.labelColumn(),
                        model.activatedAt() == null ? "-" : seconds(model.activatedAt()) + " by " + model.activatedBy());
            }
            out.flush();
            return 0;
        }

        private static String seconds(Instant instant) {
            return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
        }
    }
}

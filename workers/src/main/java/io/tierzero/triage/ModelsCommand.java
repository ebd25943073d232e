package io.tierzero.triage;

import ch.qos.logback.classic.Level;
import io.tierzero.audit.Actor;
import io.tierzero.audit.AuditTrail;
import io.tierzero.cli.DatabaseOptions;
import io.tierzero.tenant.TenantRepository;
import io.tierzero.tenant.UnknownTenantException;
import io.tierzero.triage.drift.DriftMonitor;
import io.tierzero.triage.drift.DriftReport;
import io.tierzero.triage.drift.InvalidReportRequestException;
import io.tierzero.triage.drift.ReportPeriod;
import io.tierzero.triage.drift.ShadowComparison;
import io.tierzero.triage.drift.ShadowReport;
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
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./tierzero models register|activate|list|drift|shadow-report}: the model registry and how its models do,
 * from the command line. It works on the
 * embedded PostgreSQL of the data folder (the running app's server, or one started for the command and stopped
 * after it), or on the database of {@code --jdbc-url}. A running app picks up an activation within its refresh
 * interval ({@code tierzero.triage.model-refresh-interval}). Bad input ends with one error line and exit code 2.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Registers trained triage models, activates one, lists them, reports drift and shadow runs.",
        subcommands = {ModelsCommand.Register.class, ModelsCommand.Activate.class, ModelsCommand.ListModels.class,
                ModelsCommand.Drift.class, ModelsCommand.ShadowReportCommand.class})
public class ModelsCommand implements Runnable {

    static final int BAD_INPUT = 2;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // without a logging configuration Logback prints every INFO line to stdout, amid the command's output
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ModelsCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InvalidDataException || ex instanceof UnknownModelVersionException
                    || ex instanceof DataAccessException || ex instanceof UnknownTenantException
                    || ex instanceof InvalidReportRequestException) {
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
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is needed: register, activate, list, drift or shadow-report");
    }

    /** The registry on the command's database. */
    static <T> T withRegistry(DatabaseOptions database, Function<ModelRegistry, T> work) {
        return database.withDatabase(dataSource -> {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            Clock clock = Clock.systemUTC();
            return work.apply(new ModelRegistry(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                    new AuditTrail(jdbc, clock), new TenantRepository(jdbc), clock));
        });
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
        DatabaseOptions database = new DatabaseOptions();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RegisteredModel model = withRegistry(database, registry -> {
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
        DatabaseOptions database = new DatabaseOptions();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            RegisteredModel model = withRegistry(database, registry -> registry.activate(version, Actor.human(user)));
            spec.commandLine().getOut().println(model.version() + " (active)");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the registered models, newest first.")
    static class ListModels implements Callable<Integer> {
        @Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<RegisteredModel> models = withRegistry(database, ModelRegistry::list);
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

    @Command(name = "drift", mixinStandardHelpOptions = true,
            description = "Accuracy on confirmed outcomes per period and model version, against validation accuracy.")
    static class Drift implements Callable<Integer> {
        @Option(names = "--tenant", description = "One tenant (default: all)")
        String tenant;

        @Option(names = "--period", defaultValue = "week", description = "day or week (default ${DEFAULT-VALUE})")
        String period;

        @Option(names = "--min-outcomes", defaultValue = "30",
                description = "Outcomes a period needs before it can raise an alert (default ${DEFAULT-VALUE})")
        int minimumOutcomes;

        @Option(names = "--check", description = "Raise the triage.drift-detected audit events of drifting models")
        boolean check;

        @Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ReportPeriod reportPeriod = ReportPeriod.of(period);
            if (minimumOutcomes < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--min-outcomes must be at least 1");
            }
            DriftReport report = database.withDatabase(dataSource -> {
                JdbcClient jdbc = JdbcClient.create(dataSource);
                DriftMonitor monitor = new DriftMonitor(jdbc,
                        new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                        new AuditTrail(jdbc, Clock.systemUTC()), new TenantRepository(jdbc), minimumOutcomes,
                        DriftMonitor.DEFAULT_TOLERANCE_POINTS, reportPeriod.value());
                if (check) {
                    monitor.check(reportPeriod);
                }
                return monitor.report(tenant, reportPeriod);
            });
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "Accuracy of the suggested group on confirmed outcomes, per %s; validation accuracy: "
                    + "the registry metric %s; drifting: latest period more than %.0f points below it, with at least "
                    + "%d outcomes%n", report.period(), report.validationMetric(), report.tolerancePoints(),
                    report.minimumOutcomes());
            out.printf(Locale.ROOT, "%-12s %-30s %-10s %-11s %8s %8s %8s %8s %9s%n", "TENANT", "MODEL", "VALIDATION",
                    "PERIOD", "PREDICT", "OUTCOMES", "ACCURACY", "RUNBOOK", "DRIFTING");
            for (DriftReport.ModelDrift model : report.models()) {
                for (DriftReport.PeriodAccuracy row : model.periods()) {
                    boolean latest = row == model.latest();
                    out.printf(Locale.ROOT, "%-12s %-30s %-10s %-11s %8d %8d %8s %8s %9s%n", model.tenantId(),
                            model.modelVersion(), percent(model.validationAccuracy()), row.start(), row.predictions(),
                            row.outcomes(), percent(row.accuracy()), percent(row.runbookAccuracy()),
                            latest && model.drifting() ? "YES" : "");
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "shadow-report", mixinStandardHelpOptions = true,
            description = "Predictions of tenants in shadow mode compared with what humans did, per period.")
    static class ShadowReportCommand implements Callable<Integer> {
        @Option(names = "--tenant", description = "One tenant (default: all)")
        String tenant;

        @Option(names = "--period", defaultValue = "week", description = "day or week (default ${DEFAULT-VALUE})")
        String period;

        @Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ReportPeriod reportPeriod = ReportPeriod.of(period);
            ShadowReport report = database.withDatabase(dataSource -> {
                JdbcClient jdbc = JdbcClient.create(dataSource);
                return new ShadowComparison(jdbc, new TenantRepository(jdbc)).report(tenant, reportPeriod);
            });
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%-12s %-11s %8s %8s %14s %14s %14s %16s%n", "TENANT", "PERIOD", "PREDICT",
                    "OUTCOMES", "GROUP AGREES", "RUNBOOK AGREES", "WOULD AUTOMATE", "SAME WAY (PREC)");
            for (ShadowReport.ShadowPeriod row : report.periods()) {
                out.printf(Locale.ROOT, "%-12s %-11s %8d %8d %14s %14s %14d %16s%n", row.tenantId(), row.start(),
                        row.predictions(), row.outcomes(),
                        row.groupAgreements() + "/" + row.groupOutcomes() + " " + percent(row.groupAgreement()),
                        row.runbookAgreements() + "/" + row.runbookOutcomes() + " " + percent(row.runbookAgreement()),
                        row.wouldAutomate(),
                        row.wouldAutomateSameWay() + "/" + row.wouldAutomateWithOutcome() + " "
                                + percent(row.wouldAutomatePrecision()));
            }
            out.flush();
            return 0;
        }
    }

    private static String percent(Double ratio) {
        return ratio == null ? "-" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }
}

package io.tierzero.audit;

import ch.qos.logback.classic.Level;
import io.tierzero.cli.DatabaseOptions;
import io.tierzero.tenant.TenantRepository;
import io.tierzero.tenant.UnknownTenantException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./tierzero audit verify [--tenant T]}: recomputes the audit hash chain of one tenant or of all of them,
 * straight on the database (it needs no running app), and names the first broken link of each broken chain.
 * Exit code 0 when every chain checked is intact, 1 when one is broken, 2 on bad input.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Checks the audit trail.",
        subcommands = AuditCommand.Verify.class)
public class AuditCommand implements Runnable {

    public static final int BROKEN = 1;
    public static final int BAD_INPUT = 2;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // without a logging configuration Logback prints every INFO line to stdout, amid the command's output
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AuditCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UnknownTenantException || ex instanceof DataAccessException) {
                commandLine.getErr().println("tierzero audit " + commandLine.getCommandName() + ": error: " + ex.getMessage());
                commandLine.getErr().flush();
                return BAD_INPUT;
            }
            throw ex;
        });
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: verify");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recomputes the hash chain of the audit trail and names the first broken link.")
    static class Verify implements Callable<Integer> {

        @Option(names = "--tenant", description = "Only this tenant's chain (default: every tenant's)")
        String tenant;

        @Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            boolean allIntact = database.withDatabase(dataSource -> {
                JdbcClient jdbc = JdbcClient.create(dataSource);
                TenantRepository tenants = new TenantRepository(jdbc);
                List<String> tenantIds = tenant == null ? tenants.ids() : List.of(tenants.get(tenant).tenantId());
                AuditChainVerifier verifier = new AuditChainVerifier(jdbc);
                boolean intact = true;
                out.printf(Locale.ROOT, "%-20s %10s  %s%n", "TENANT", "EVENTS", "CHAIN");
                for (String tenantId : tenantIds) {
                    ChainVerification verification = verifier.verify(tenantId);
                    intact &= verification.intact();
                    out.printf(Locale.ROOT, "%-20s %10d  %s%n", tenantId, verification.eventsChecked(),
                            verification.intact() ? "intact" : "BROKEN at event " + verification.firstBrokenSequence()
                                    + ": " + verification.problem() + describe(jdbc, tenantId, verification.firstBrokenSequence()));
                }
                return intact;
            });
            out.flush();
            return allIntact ? 0 : BROKEN;
        }

        /** What the broken row says it is, when it is still there: where an auditor starts looking. */
        private static String describe(JdbcClient jdbc, String tenantId, long sequence) {
            return jdbc.sql("""
                            select e.occurred_at, e.action, e.actor_id, t.reference_number from ticket_events e
                            left join tickets t on t.ticket_id = e.ticket_id
                            where e.tenant_id = ? and e.sequence_number = ?""")
                    .params(tenantId, sequence)
                    .query((rs, n) -> " (recorded %s, %s by %s%s)".formatted(rs.getTimestamp(1).toInstant(), rs.getString(2),
                            rs.getString(3), rs.getString(4) == null ? "" : ", ticket " + rs.getString(4)))
                    .optional().orElse("");
        }
    }
}

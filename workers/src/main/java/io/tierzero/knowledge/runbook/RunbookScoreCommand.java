package io.tierzero.knowledge.runbook;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./tierzero runbooks score}: the maturity of every runbook of a folder, as a table. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Scores each runbook's maturity (completeness, currency, structure, clarity) and prints a table.")
public class RunbookScoreCommand implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = "${sys:tierzero.runbooks.dir:-runbooks}",
            description = "Folder of runbook Markdown files (default: the product's runbooks/)")
    Path dir;

    @Option(names = "--min", defaultValue = "0", description = "Exit with 1 if any runbook's overall score is below this (0-1)")
    double minimum;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RunbookScoreCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "No runbook folder at " + dir.toAbsolutePath());
        }
        List<Runbook> runbooks = RunbookParser.readFolder(dir);
        RunbookMaturity maturity = new RunbookMaturity(Clock.systemUTC());
        List<MaturityScore> scores = runbooks.stream().map(maturity::score)
                .sorted(Comparator.comparingDouble(MaturityScore::overall).thenComparing(MaturityScore::runbookId))
                .toList();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-24s %12s %8s %9s %7s %7s  %s%n", "runbook", "completeness", "currency", "structure", "clarity",
                "overall", "to improve");
        for (MaturityScore score : scores) {
            out.printf("%-24s %12.2f %8.2f %9.2f %7.2f %7.2f  %s%n", score.runbookId(), score.completeness(),
                    score.currency(), score.structure(), score.clarity(), score.overall(),
                    score.findings().isEmpty() ? "-" : String.join("; ", score.findings()));
        }
        double average = scores.stream().mapToDouble(MaturityScore::overall).average().orElse(0);
        out.printf("%d runbooks, average maturity %.2f%n", scores.size(), average);
        out.flush();
        return scores.stream().anyMatch(score -> score.overall() < minimum) ? 1 : 0;
    }
}

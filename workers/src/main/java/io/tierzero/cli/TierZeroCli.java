package io.tierzero.cli;

import io.tierzero.knowledge.embedding.EmbeddingModelSpec;
import io.tierzero.knowledge.embedding.SentenceEmbedder;
import io.tierzero.knowledge.runbook.Runbook;
import io.tierzero.knowledge.runbook.RunbookLibrary;
import io.tierzero.knowledge.runbook.RunbookParser;
import io.tierzero.triage.model.CrossValidation;
import io.tierzero.triage.model.Evaluation;
import io.tierzero.triage.model.InvalidDataException;
import io.tierzero.triage.model.Prediction;
import io.tierzero.triage.model.TicketText;
import io.tierzero.triage.model.TicketFiles;
import io.tierzero.triage.model.TriageModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The offline classification commands: {@code train}, {@code predict}, {@code evaluate}. Bad input (a missing
 * file, a missing column, an unreadable model) ends with a one-line error on stderr and exit code 2.
 */
@Command(name = "tierzero", mixinStandardHelpOptions = true,
        description = "Trains, applies and evaluates the ticket classifier.",
        subcommands = {TierZeroCli.Train.class, TierZeroCli.Predict.class, TierZeroCli.Evaluate.class})
public class TierZeroCli implements Runnable {
    static final int BAD_INPUT = 2;
    static final String DEFAULT_TEXT_COLUMNS = "Short description,Description";
    public static final String PREDICTION_HEADER =
            "id,label,label_confidence,runbook,runbook_confidence,automate,runbooks_top3";

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TierZeroCli());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InvalidDataException) {
                commandLine.getErr().println("tierzero " + commandLine.getCommandName() + ": error: " + ex.getMessage());
                commandLine.getErr().flush();
                return BAD_INPUT;
            }
            throw ex;
        });
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: train, predict or evaluate");
    }

    static List<String> columns(String csv) {
        List<String> out = new ArrayList<>();
        for (String c : csv.split(",")) {
            if (!c.isBlank()) {
                out.add(c.trim());
            }
        }
        if (out.isEmpty()) {
            throw new InvalidDataException("--text-columns names no column");
        }
        return out;
    }

    static Consumer<String> progress(CommandLine cli) {
        long start = System.nanoTime();
        return message -> {
            cli.getErr().printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, message);
            cli.getErr().flush();
        };
    }

    /** Options shared by train and evaluate --cv. */
    static class TrainingInput {
        @Option(names = "--tickets", description = "Ticket CSV with a header, an 'id' column, the text columns and the label")
        Path tickets;

        @Option(names = "--label", description = "The label column, e.g. \"Assignment group\" or category")
        String label;

        @Option(names = "--runbook-labels", description = "TSV with columns id and runbook (optional): trains the runbook head")
        Path runbookLabels;

        @Option(names = "--text-columns", defaultValue = DEFAULT_TEXT_COLUMNS,
                description = "Comma-separated text columns (default: ${DEFAULT-VALUE})")
        String textColumns;

        @Option(names = "--epochs", defaultValue = "25", description = "Training passes (default ${DEFAULT-VALUE})")
        int epochs;

        @Option(names = "--learning-rate", defaultValue = "0.2", description = "AdaGrad base step (default ${DEFAULT-VALUE})")
        double learningRate;

        @Option(names = "--l2", defaultValue = "1e-4", description = "L2 penalty per example (default ${DEFAULT-VALUE})")
        double l2;

        @Option(names = "--runbooks", description = "Folder of runbook Markdown files whose typical phrasings also train "
                + "the runbook head (default: the product's own runbooks)")
        Path runbookFolder;

        @Option(names = "--no-embedding", description = "Train on TF-IDF features only, without the sentence embedding")
        boolean noEmbedding;

        @Option(names = "--min-df", defaultValue = "2",
                description = "Keep features seen in at least this many training tickets (default ${DEFAULT-VALUE})")
        int minDf;

        TriageModel.Settings settings() {
            if (epochs < 1 || learningRate <= 0 || l2 < 0 || minDf < 1) {
                throw new InvalidDataException("--epochs and --min-df must be >= 1, --learning-rate > 0 and --l2 >= 0");
            }
            return new TriageModel.Settings(label, columns(textColumns), minDf,
                    new io.tierzero.triage.model.SoftmaxClassifier.Options(epochs, learningRate, l2, 42L), true);
        }

        List<TicketText> readTickets() {
            return TicketFiles.readTickets(tickets, columns(textColumns), label);
        }

        Map<String, String> readRunbooks() {
            return runbookLabels == null ? null : TicketFiles.readRunbookLabels(runbookLabels);
        }

        /** The typical phrasings of every runbook, when a runbook head is trained. */
        List<TriageModel.RunbookExample> readRunbookExamples() {
            if (runbookLabels == null) {
                return List.of();
            }
            Collection<Runbook> runbooks;
            if (runbookFolder == null) {
                runbooks = new RunbookLibrary().all();
            } else if (!Files.isDirectory(runbookFolder)) {
                throw new InvalidDataException("no runbook folder at " + runbookFolder);
            } else {
                try {
                    runbooks = RunbookParser.readFolder(runbookFolder);
                } catch (IOException e) {
                    throw new InvalidDataException("cannot read the runbooks in " + runbookFolder + ": " + e.getMessage(), e);
                }
            }
            List<TriageModel.RunbookExample> examples = new ArrayList<>();
            // sorted, so that training does not depend on the order the files are found in
            for (Runbook runbook : runbooks.stream().sorted(Comparator.comparing(Runbook::id)).toList()) {
                runbook.typicalPhrasings().forEach(text -> examples.add(new TriageModel.RunbookExample(runbook.id(), text)));
            }
            return examples;
        }

        /** The embedding model to train with, or null when it is switched off. */
        SentenceEmbedder openEmbedder() {
            return noEmbedding ? null : Embeddings.open(EmbeddingModelSpec.ALL_MINILM_L6_V2_Q.id());
        }

        void require(CommandLine cli) {
            if (tickets == null || label == null) {
                throw new CommandLine.ParameterException(cli, "--tickets and --label are required");
            }
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Trains a model on labelled tickets (and optional runbook labels) and writes it to --out.")
    static class Train implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        TrainingInput input = new TrainingInput();

        @Option(names = "--out", required = true, description = "Folder to write the model to")
        Path out;

        @Override
        public Integer call() {
            CommandLine cli = spec.commandLine();
            input.require(cli);
            Consumer<String> log = progress(cli);
            List<TicketText> tickets = input.readTickets();
            Map<String, String> runbooks = input.readRunbooks();
            List<Path> files = new ArrayList<>(List.of(input.tickets));
            if (input.runbookLabels != null) {
                files.add(input.runbookLabels);
            }
            log.accept("read " + tickets.size() + " tickets" + (runbooks != null ? ", " + runbooks.size() + " runbook labels" : ""));
            List<TriageModel.RunbookExample> examples = input.readRunbookExamples();
            try (SentenceEmbedder embedder = input.openEmbedder()) {
                TriageModel model = TriageModel.train(tickets, runbooks, examples, embedder, input.settings(),
                        TicketFiles.sha256(files), log);
                model.save(out);
                report(cli, model);
            }
            return 0;
        }

        private void report(CommandLine cli, TriageModel model) {
            cli.getOut().printf(Locale.ROOT, "model %s: %d tickets, %d labels, %d runbook-labelled tickets, %d features, %.1f s%n",
                    out, model.metadata().trainingTickets(), model.metadata().labels().size(),
                    model.metadata().runbookTickets(), model.metadata().features(),
                    ((Number) model.metadata().metrics().get("training_seconds")).doubleValue());
            cli.getOut().flush();
        }
    }

    @Command(name = "predict", mixinStandardHelpOptions = true,
            description = "Classifies the tickets of --in and writes " + PREDICTION_HEADER + " to --out. automate is "
                    + "true only when the model has a runbook head, the runbook is not 'none' and its confidence is >= 0.90.")
    static class Predict implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--model", required = true, description = "Model folder written by train")
        Path modelDir;

        @Option(names = "--in", required = true, description = "Ticket CSV with a header, an 'id' column and the text columns")
        Path in;

        @Option(names = "--out", required = true, description = "Prediction CSV to write")
        Path out;

        @Option(names = "--text-columns", description = "Comma-separated text columns (default: those the model was trained on)")
        String textColumns;

        @Override
        public Integer call() throws IOException {
            try (SentenceEmbedder embedder = Embeddings.openFor(modelDir)) {
                TriageModel model = TriageModel.load(modelDir, embedder);
                List<String> columns = textColumns != null ? columns(textColumns) : model.metadata().textColumns();
                List<TicketText> tickets = TicketFiles.readTickets(in, columns, null);
                if (out.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(out.toAbsolutePath().getParent());
                }
                try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    write(model, tickets, writer);
                }
                spec.commandLine().getErr().println("predicted " + tickets.size() + " tickets into " + out);
            }
            return 0;
        }

        static void write(TriageModel model, List<TicketText> tickets, Writer writer) throws IOException {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(PREDICTION_HEADER.split(","))
                    .setRecordSeparator("\n").get();
            try (CSVPrinter printer = new CSVPrinter(writer, format)) {
                for (TicketText t : tickets) {
                    Prediction p = model.predict(t.text());
                    boolean runbook = p.runbook() != null;
                    printer.printRecord(t.id(), p.label(), String.format(Locale.ROOT, "%.4f", p.labelConfidence()),
                            runbook ? p.runbook() : "",
                            runbook ? String.format(Locale.ROOT, "%.4f", p.runbookConfidence()) : "",
                            p.automate() ? "true" : "false", String.join(";", p.runbooksTop3()));
                }
            }
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Prints accuracy, macro-F1, per-class precision/recall, coverage at precision 0.90/0.95/0.97, "
                    + "runbook top-1 and recall@3, automation precision and coverage. With --cv K: stratified K-fold "
                    + "cross-validation of training on --tickets (takes the train options instead of --model/--in).")
    static class Evaluate implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--model", description = "Model folder written by train")
        Path modelDir;

        @Option(names = "--in", description = "Labelled ticket CSV (the model's label column must be present)")
        Path in;

        @Option(names = "--cv", description = "Cross-validate with this many stratified folds instead")
        Integer cv;

        @CommandLine.Mixin
        TrainingInput input = new TrainingInput();

        @Override
        public Integer call() {
            CommandLine cli = spec.commandLine();
            PrintWriter out = cli.getOut();
            if (cv != null) {
                if (modelDir != null || in != null) {
                    throw new CommandLine.ParameterException(cli, "--cv takes --tickets/--label, not --model/--in");
                }
                input.require(cli);
                Consumer<String> log = progress(cli);
                List<TicketText> tickets = input.readTickets();
                Map<String, String> runbooks = input.readRunbooks();
                log.accept("read " + tickets.size() + " tickets" + (runbooks != null ? ", " + runbooks.size() + " runbook labels" : ""));
                CrossValidation.Result result;
                try (SentenceEmbedder embedder = input.openEmbedder()) {
                    result = CrossValidation.run(tickets, runbooks, input.readRunbookExamples(), embedder,
                            input.settings(), cv, 7L, log);
                }
                out.printf(Locale.ROOT, "%d-fold stratified cross-validation of %s on %s (label '%s')%n", cv,
                        "train", input.tickets, input.label);
                out.printf(Locale.ROOT, "mean training time per fold: %.1f s%n%n", result.meanTrainingSeconds());
                out.print(Evaluation.formatMean(result.folds()));
                out.println();
                out.println("per-class precision/recall of the pooled out-of-fold predictions:");
                out.print(result.pooled().format(true));
                out.flush();
                return 0;
            }
            if (modelDir == null || in == null) {
                throw new CommandLine.ParameterException(cli, "--model and --in are required (or --cv with --tickets/--label)");
            }
            Evaluation e;
            String labelColumn;
            try (SentenceEmbedder embedder = Embeddings.openFor(modelDir)) {
                TriageModel model = TriageModel.load(modelDir, embedder);
                labelColumn = model.metadata().labelColumn();
                List<String> columns = input.textColumns != null && !input.textColumns.equals(DEFAULT_TEXT_COLUMNS)
                        ? columns(input.textColumns) : model.metadata().textColumns();
                List<TicketText> tickets = TicketFiles.readTickets(in, columns, labelColumn);
                e = Evaluation.of(CrossValidation.score(model, tickets, input.readRunbooks()));
            }
            out.printf(Locale.ROOT, "model %s on %s (label '%s')%n%n", modelDir, in, labelColumn);
            out.print(e.format(true));
            out.flush();
            return 0;
        }
    }
}

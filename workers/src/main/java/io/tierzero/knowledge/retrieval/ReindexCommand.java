package io.tierzero.knowledge.retrieval;

import io.tierzero.knowledge.embedding.EmbeddingModelSpec;
import io.tierzero.knowledge.embedding.SentenceEmbedder;
import io.tierzero.knowledge.runbook.Runbook;
import io.tierzero.knowledge.runbook.RunbookParser;
import io.tierzero.triage.model.InvalidDataException;
import io.tierzero.triage.model.TicketFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./tierzero reindex}: rebuilds the runbook index from a runbook folder or, with {@code --tickets}, adds a
 * CSV export of resolved tickets to the resolved-ticket index, with progress. Bad input ends with a one-line error
 * and exit code 2.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuilds the OpenSearch runbook index (BM25 fields and embeddings) from a runbook folder, "
                + "or imports resolved tickets (--tickets) for similar-ticket search.")
public class ReindexCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;

    @Option(names = "--dir", defaultValue = "${sys:tierzero.runbooks.dir:-runbooks}",
            description = "Folder of runbook Markdown files (default: the product's runbooks/)")
    Path dir;

    @Option(names = "--opensearch", defaultValue = "http://127.0.0.1:9200",
            description = "OpenSearch URL (default ${DEFAULT-VALUE}: the node of a running embedded TierZero)")
    URI openSearch;

    @Option(names = "--tenant",
            description = "Whose runbooks or tickets these are (runbooks default to " + RunbookIndex.DEFAULT_LIBRARY
                    + ": the product's library, seen by every tenant; required with --tickets)")
    String tenant;

    @Option(names = "--tickets", description = "CSV of resolved tickets (id, Short description, Description and "
            + "the label column) to add to the resolved-ticket index instead of indexing runbooks")
    Path tickets;

    @Option(names = "--label", defaultValue = "Assignment group",
            description = "Column naming who resolved a ticket (default ${DEFAULT-VALUE})")
    String labelColumn;

    @Option(names = "--runbook-labels", description = "TSV with columns id and runbook: the runbook of some tickets")
    Path runbookLabels;

    @Option(names = "--source", description = "Name of the import, part of each document id: importing the "
            + "same source again replaces its tickets (default: the CSV file name without extension)")
    String source;

    @Option(names = "--batch", defaultValue = "256", description = "Tickets per bulk request (default ${DEFAULT-VALUE})")
    int batch;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ReindexCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InvalidDataException) {
                commandLine.getErr().println("tierzero reindex: error: " + ex.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof IOException) {
                commandLine.getErr().println("tierzero reindex: error: OpenSearch at "
                        + ((ReindexCommand) commandLine.getCommand()).openSearch + ": " + ex.getMessage());
                return 1;
            }
            throw ex;
        });
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        return tickets != null ? importTickets() : indexRunbooks();
    }

    private int indexRunbooks() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new InvalidDataException("no runbook folder at " + dir.toAbsolutePath());
        }
        String library = tenant != null ? tenant : RunbookIndex.DEFAULT_LIBRARY;
        List<Runbook> runbooks = RunbookParser.readFolder(dir);
        PrintWriter err = spec.commandLine().getErr();
        try (SentenceEmbedder embedder = loadEmbedder(err); OpenSearchTransport transport = transport()) {
            int indexed = new RunbookIndex(new OpenSearchClient(transport), embedder).rebuild(library, runbooks,
                    line -> err.printf("  %s%n", line));
            spec.commandLine().getOut().printf("Indexed %d runbooks of %s into %s at %s%n", indexed, library,
                    RunbookIndex.NAME, openSearch);
        }
        return 0;
    }

    private int importTickets() throws IOException {
        if (tenant == null || tenant.isBlank()) {
            throw new InvalidDataException("--tenant is required with --tickets: resolved tickets belong to a tenant");
        }
        if (batch < 1) {
            throw new InvalidDataException("--batch must be at least 1");
        }
        Map<String, String> runbookById = runbookLabels == null ? Map.of() : TicketFiles.readRunbookLabels(runbookLabels);
        String importName = source != null ? source : tickets.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        List<ResolvedTicket> resolved = HistoricalTicketFile.read(tickets, labelColumn, runbookById, tenant, importName);
        PrintWriter err = spec.commandLine().getErr();
        err.printf("Read %d tickets from %s (%d with a runbook)%n", resolved.size(), tickets,
                resolved.stream().filter(ticket -> ticket.runbookId() != null).count());
        try (SentenceEmbedder embedder = loadEmbedder(err); OpenSearchTransport transport = transport()) {
            ResolvedTicketIndex index = new ResolvedTicketIndex(new OpenSearchClient(transport), embedder);
            long start = System.nanoTime();
            int indexed = index.indexAll(resolved, batch, line -> err.printf("  %s%n", line));
            spec.commandLine().getOut().printf("Indexed %d resolved tickets of %s (source %s) into %s at %s in %.1f s; "
                            + "the tenant has %d%n", indexed, tenant, importName, ResolvedTicketIndex.NAME, openSearch,
                    (System.nanoTime() - start) / 1e9, index.count(tenant));
        }
        return 0;
    }

    private static SentenceEmbedder loadEmbedder(PrintWriter err) {
        err.printf("Loading the embedding model...%n");
        return new SentenceEmbedder(EmbeddingModelSpec.ALL_MINILM_L6_V2_Q,
                Path.of(System.getProperty("java.io.tmpdir"), "tierzero-djl"), 1);
    }

    private OpenSearchTransport transport() {
        return ApacheHttpClient5TransportBuilder.builder(HttpHost.create(openSearch))
                .setMapper(new JacksonJsonpMapper()).build();
    }
}

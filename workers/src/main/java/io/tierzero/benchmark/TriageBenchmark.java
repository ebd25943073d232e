package io.tierzero.benchmark;

import io.tierzero.knowledge.embedding.EmbeddingModelSpec;
import io.tierzero.knowledge.embedding.RecentEmbeddings;
import io.tierzero.knowledge.embedding.SentenceEmbedder;
import io.tierzero.knowledge.retrieval.KnowledgeRetrieval;
import io.tierzero.knowledge.retrieval.ResolvedTicketIndex;
import io.tierzero.knowledge.retrieval.RunbookIndex;
import io.tierzero.knowledge.retrieval.TextEmbedder;
import io.tierzero.triage.model.InvalidDataException;
import io.tierzero.triage.model.TicketFiles;
import io.tierzero.triage.model.TicketText;
import io.tierzero.triage.model.TriageModel;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tierzero benchmark triage}: how fast the triage path is. Loads a classifier model, then for tickets of
 * a CSV file classifies them and retrieves runbooks and similar resolved tickets from a running OpenSearch,
 * one ticket at a time (latency of each part) and in batches on parallel threads (throughput).
 */
@Command(name = "tierzero benchmark triage", mixinStandardHelpOptions = true,
        description = "Prints model load time, per-ticket classify/retrieve latency and batch throughput.")
public class TriageBenchmark implements Callable<Integer> {

    static final int BAD_INPUT = 2;
    private static final int WARM_UP = 200;

    @Option(names = "--model", required = true, description = "Model folder written by ./tierzero train")
    Path model;

    @Option(names = "--in", required = true, description = "CSV of tickets with id and the model's text columns")
    Path in;

    @Option(names = "--batch", defaultValue = "32", description = "Tickets per batch (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--threads", description = "Batches processed at the same time (default: the number of cores)")
    Integer threads;

    @Option(names = "--sample", defaultValue = "1000",
            description = "Tickets timed one by one for the latency percentiles (default ${DEFAULT-VALUE})")
    int sample;

    @Option(names = "--top-k", defaultValue = "3", description = "Runbooks and similar tickets per ticket (default ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--tenant", defaultValue = "demo",
            description = "Tenant whose runbooks and resolved tickets are searched (default ${DEFAULT-VALUE})")
    String tenant;

    @Option(names = "--opensearch", defaultValue = "http://127.0.0.1:9200",
            description = "OpenSearch URL (default ${DEFAULT-VALUE}: the node of a running embedded TierZero)")
    URI openSearch;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new TriageBenchmark());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InvalidDataException) {
                commandLine.getErr().println("tierzero benchmark triage: error: " + ex.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof IOException) {
                commandLine.getErr().println("tierzero benchmark triage: error: OpenSearch at "
                        + ((TriageBenchmark) commandLine.getCommand()).openSearch + ": " + ex.getMessage());
                return 1;
            }
            throw ex;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (batch < 1 || sample < 1 || topK < 1 || (threads != null && threads < 1)) {
            throw new InvalidDataException("--batch, --sample, --top-k and --threads must be at least 1");
        }
        int parallel = threads != null ? threads : Runtime.getRuntime().availableProcessors();

        long start = System.nanoTime();
        try (SentenceEmbedder sentenceEmbedder = new SentenceEmbedder(EmbeddingModelSpec.ALL_MINILM_L6_V2_Q,
                Path.of(System.getProperty("java.io.tmpdir"), "tierzero-djl"), parallel);
             OpenSearchTransport transport = ApacheHttpClient5TransportBuilder.builder(HttpHost.create(openSearch))
                     .setMapper(new JacksonJsonpMapper()).build()) {
            double embedderSeconds = seconds(start);
            // the classifier and retrieval read the same ticket: it is embedded once, as in the product
            TextEmbedder embedder = new RecentEmbeddings(sentenceEmbedder, 4 * batch * parallel + WARM_UP);
            start = System.nanoTime();
            TriageModel triage = TriageModel.load(model, embedder);
            double modelSeconds = seconds(start);
            System.err.printf(Locale.ROOT, "Model loaded in %.2f s%n", modelSeconds);
            List<String> texts = TicketFiles.readTickets(in, triage.metadata().textColumns(), null).stream()
                    .map(TicketText::text).toList();
            OpenSearchClient client = new OpenSearchClient(transport);
            long runbooks = client.indices().exists(e -> e.index(RunbookIndex.NAME)).value()
                    ? client.count(c -> c.index(RunbookIndex.NAME)).count() : 0;
            long resolvedTickets = new ResolvedTicketIndex(client, embedder).count(tenant);
            if (runbooks == 0) {
                throw new InvalidDataException("no runbooks in " + RunbookIndex.NAME + " at " + openSearch
                        + ": run ./tierzero reindex first");
            }
            if (resolvedTickets == 0) {
                System.err.printf("warning: tenant %s has no resolved tickets in %s (./tierzero reindex --tickets ..."
                        + " --tenant %s): similar-ticket search finds nothing%n", tenant, ResolvedTicketIndex.NAME, tenant);
            }
            KnowledgeRetrieval retrieval = new KnowledgeRetrieval(client, embedder);

            System.err.printf("Warming up on %d tickets...%n", Math.min(WARM_UP, texts.size()));
            for (String text : texts.subList(0, Math.min(WARM_UP, texts.size()))) {
                triage.predict(text);
                retrieval.retrieve(tenant, text, topK);
            }

            List<String> timed = texts.subList(0, Math.min(sample, texts.size()));
            System.err.printf("Timing %d tickets one by one...%n", timed.size());
            List<Long> classify = new ArrayList<>(), retrieve = new ArrayList<>(), both = new ArrayList<>(),
                    embed = new ArrayList<>();
            for (String text : timed) {
                long t0 = System.nanoTime();
                triage.predict(text);
                long t1 = System.nanoTime();
                retrieval.retrieve(tenant, text, topK);
                long t2 = System.nanoTime();
                sentenceEmbedder.embed(text);
                embed.add(System.nanoTime() - t2);
                classify.add(t1 - t0);
                retrieve.add(t2 - t1);
                both.add(t2 - t0);
            }

            System.err.printf("Processing %d tickets in batches of %d on %d threads...%n", texts.size(), batch, parallel);
            ExecutorService pool = Executors.newFixedThreadPool(parallel);
            List<Future<?>> done = new ArrayList<>();
            start = System.nanoTime();
            try {
                for (int from = 0; from < texts.size(); from += batch) {
                    List<String> chunk = texts.subList(from, Math.min(from + batch, texts.size()));
                    done.add(pool.submit(() -> {
                        embedder.embedAll(chunk);
                        chunk.forEach(triage::predict);
                        return retrieval.retrieveAll(tenant, chunk, topK);
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            double batchSeconds = seconds(start);

            System.out.printf(Locale.ROOT, "%nTriage benchmark: %d tickets from %s, model %s, %d cores, tenant %s "
                            + "(%d runbooks indexed, %d resolved tickets), top %d%n", texts.size(), in.getFileName(),
                    model, Runtime.getRuntime().availableProcessors(), tenant, runbooks, resolvedTickets, topK);
            System.out.printf(Locale.ROOT, "  model load             %8.2f s   (embedding model %.2f s)%n",
                    modelSeconds, embedderSeconds);
            System.out.printf("  per ticket (%d tickets, one at a time)%n", timed.size());
            print("classify", classify);
            print("retrieve", retrieve);
            print("(embedding alone)", embed);
            print("classify + retrieve", both);
            System.out.printf(Locale.ROOT, "  batches of %d on %d threads: %d tickets in %.2f s = %.0f tickets/s%n",
                    batch, parallel, texts.size(), batchSeconds, texts.size() / batchSeconds);
        }
        return 0;
    }

    private static void print(String what, List<Long> nanos) {
        System.out.printf(Locale.ROOT, "    %-20s p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms%n", what,
                Percentiles.nearestRank(nanos, 50) / 1e6, Percentiles.nearestRank(nanos, 95) / 1e6,
                Percentiles.nearestRank(nanos, 99) / 1e6);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

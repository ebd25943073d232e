package io.tierzero.knowledge.retrieval;

import io.tierzero.knowledge.embedding.EmbeddingModelSpec;
import io.tierzero.knowledge.embedding.SentenceEmbedder;
import io.tierzero.knowledge.runbook.Runbook;
import io.tierzero.knowledge.runbook.RunbookParser;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

/** {@code ./tierzero reindex}: rebuilds the runbook index from a runbook folder, with progress. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuilds the OpenSearch runbook index (BM25 fields and embeddings) from a runbook folder.")
public class ReindexCommand implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = "${sys:tierzero.runbooks.dir:-runbooks}",
            description = "Folder of runbook Markdown files (default: the product's runbooks/)")
    Path dir;

    @Option(names = "--opensearch", defaultValue = "http://127.0.0.1:9200",
            description = "OpenSearch URL (default ${DEFAULT-VALUE}: the node of a running embedded TierZero)")
    URI openSearch;

    @Option(names = "--tenant", defaultValue = RunbookIndex.DEFAULT_LIBRARY,
            description = "Whose library this is (default ${DEFAULT-VALUE}: the product's library, seen by every tenant)")
    String tenant;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReindexCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "No runbook folder at " + dir.toAbsolutePath());
        }
        List<Runbook> runbooks = RunbookParser.readFolder(dir);
        var err = spec.commandLine().getErr();
        err.printf("Loading the embedding model...%n");
        try (SentenceEmbedder embedder = new SentenceEmbedder(EmbeddingModelSpec.ALL_MINILM_L6_V2_Q,
                Path.of(System.getProperty("java.io.tmpdir"), "tierzero-djl"), 1);
             OpenSearchTransport transport = ApacheHttpClient5TransportBuilder.builder(HttpHost.create(openSearch))
                     .setMapper(new JacksonJsonpMapper()).build()) {
            int indexed = new RunbookIndex(new OpenSearchClient(transport), embedder).rebuild(tenant, runbooks,
                    line -> err.printf("  %s%n", line));
            spec.commandLine().getOut().printf("Indexed %d runbooks of %s into %s at %s%n", indexed, tenant,
                    RunbookIndex.NAME, openSearch);
        }
        return 0;
    }
}

package io.tierzero.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierzero.embedded.ManagedOpenSearch;
import io.tierzero.knowledge.embedding.EmbeddingModelSpec;
import io.tierzero.knowledge.embedding.SentenceEmbedder;
import io.tierzero.knowledge.runbook.Runbook;
import io.tierzero.knowledge.runbook.RunbookParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The default runbook library indexed in a real OpenSearch node with the real sentence-embedding model, searched
 * with BM25 + k-NN fusion.
 */
class HybridRunbookSearchTest {

    @TempDir
    static Path dataDir;

    private static ManagedOpenSearch node;
    private static OpenSearchClient client;
    private static HybridRunbookSearch search;
    private static SentenceEmbedder embedder;

    @BeforeAll
    static void indexTheDefaultLibrary() throws Exception {
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        node = new ManagedOpenSearch(dataDir.resolve("opensearch"),
                Path.of(System.getProperty("tierzero.opensearch.distribution-dir")), port, "512m");
        node.registerShutdownHook();
        node.start();
        node.awaitReady(Duration.ofMinutes(3));
        client = new OpenSearchClient(ApacheHttpClient5TransportBuilder.builder(new HttpHost("http", "127.0.0.1", port))
                .setMapper(new JacksonJsonpMapper()).build());
        embedder = new SentenceEmbedder(EmbeddingModelSpec.ALL_MINILM_L6_V2_Q,
                Path.of(System.getProperty("java.io.tmpdir"), "tierzero-djl"), 2);
        List<String> progress = new ArrayList<>();
        int indexed = new RunbookIndex(client, embedder).rebuild(RunbookIndex.DEFAULT_LIBRARY,
                RunbookParser.readFolder(Path.of("..", "runbooks")), progress::add);
        assertThat(indexed).isEqualTo(23);
        assertThat(progress).hasSize(23).last().asString().startsWith("indexed 23/23");
        search = new HybridRunbookSearch(client, embedder);
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (client != null) {
            client._transport().close();
        }
        if (node != null) {
            node.stop();
        }
        if (embedder != null) {
            embedder.close();
        }
    }

    @Test
    void findsTheRunbookForTypicalTickets() throws IOException {
        assertThat(top("I forgot my password and cannot log in to my laptop")).isEqualTo("password-reset");
        assertThat(top("VPN keeps disconnecting when I work from home")).isEqualTo("vpn-access");
        assertThat(top("Alert: filesystem /var above 90% on server, disk almost full")).isEqualTo("disk-space-alert");
        assertThat(top("the printer on the second floor is offline and the print queue is stuck")).isEqualTo("printer-issue");
    }

    @Test
    void ranksWithAConfidenceThatIsHighestWhenBothMethodsAgree() throws IOException {
        List<RetrievedRunbook> results = search.search("demo", "my account is locked out after too many failed logins", 3);

        assertThat(results).hasSize(3);
        assertThat(results.getFirst().runbookId()).isEqualTo("account-unlock");
        assertThat(results).isSortedAccordingTo((a, b) -> Double.compare(b.fusedScore(), a.fusedScore()));
        assertThat(results.getFirst().confidence()).isBetween(0.0, 1.0).isGreaterThan(results.get(2).confidence());
    }

    @Test
    void anEmptyOrGarbledTicketGetsLowConfidenceAndNoCrash() throws IOException {
        List<RetrievedRunbook> empty = search.search("demo", "", 3);
        List<RetrievedRunbook> garbled = search.search("demo", "xq zzkv ###### 0x1f@@", 3);

        assertThat(empty).allMatch(result -> result.keywordRank() == 0 && result.confidence() <= 0.5);
        assertThat(garbled).allMatch(result -> result.confidence() <= 0.5);
    }

    @Test
    void aTenantsOwnRunbookIsFoundOnlyForThatTenant() throws IOException {
        Runbook own = RunbookParser.parse(Path.of("badge-reader.md"), """
                ---
                id: badge-reader
                title: Door badge reader
                category: end-user
                mode: guided
                required_inputs: [badge_number]
                risk: low
                approval: none
                owner: facilities
                version: 1.0
                last_reviewed: 2026-11-01
                ---
                ## Symptoms and typical phrasings
                - "my door badge does not open the turnstile"
                - "badge reader blinks red"
                """);
        new RunbookIndex(client, embedder).index("acme", own);

        assertThat(search.search("acme", "door badge blinks red at the turnstile", 1).getFirst().runbookId())
                .isEqualTo("badge-reader");
        assertThat(search.search("demo", "door badge blinks red at the turnstile", 5))
                .noneMatch(result -> result.runbookId().equals("badge-reader"));
    }

    private static String top(String ticket) throws IOException {
        return search.search("demo", ticket, 1).getFirst().runbookId();
    }
}

package io.tierzero.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.SearchResponse;

/** Starts one real node (30-50 s) for all the tests of this class. */
class ManagedOpenSearchTest {

    @TempDir
    static Path dataDir;

    private static ManagedOpenSearch node;
    private static OpenSearchClient client;

    @BeforeAll
    static void startNode() throws Exception {
        // as root the node runs as uid 65534, which must be able to enter the temporary folder
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port = freePort();
        // set by surefire (see workers/pom.xml)
        Path distribution = Path.of(System.getProperty("tierzero.opensearch.distribution-dir"));
        node = new ManagedOpenSearch(dataDir.resolve("opensearch"), distribution, port, "512m");
        node.registerShutdownHook();
        node.start();
        node.awaitReady(Duration.ofMinutes(3));
        client = new OpenSearchClient(OpenSearchConfiguration.transport(
                new OpenSearchProperties(URI.create("http://127.0.0.1:" + port), null, null, false, null, null, null),
                new EmbeddedProperties(new EmbeddedProperties.Postgres(54329),
                        new EmbeddedProperties.OpenSearch(true, port, "512m")),
                new ObjectMapper()));
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (client != null) {
            client._transport().close();
        }
        ProcessHandle process = node.processHandle();
        node.stop();
        assertThat(process).isNotNull();
        assertThat(process.isAlive()).isFalse();
        assertThat(node.processHandle()).isNull();
    }

    @Test
    void answersAsTheSingleNodeTierzeroCluster() throws IOException {
        var health = client.cluster().health();
        assertThat(health.clusterName()).isEqualTo("tierzero");
        assertThat(health.numberOfNodes()).isEqualTo(1);
        assertThat(health.status()).isIn(HealthStatus.Green, HealthStatus.Yellow);
        assertThat(node.isReady()).isTrue();
        assertThat(Files.isDirectory(dataDir.resolve("opensearch/opensearch-3.6.0/plugins/opensearch-knn"))).isTrue();
    }

    @Test
    void findsTheNearestVectorWithTheLuceneKnnEngine() throws IOException {
        client.indices().create(index -> index.index("articles")
                .settings(settings -> settings.knn(true))
                .mappings(mappings -> mappings
                        .properties("title", property -> property.keyword(keyword -> keyword))
                        .properties("embedding", property -> property.knnVector(vector -> vector
                                .dimension(3)
                                .method(method -> method.name("hnsw").engine("lucene").spaceType("l2"))))));
        Map<String, List<Float>> articles = Map.of(
                "printer", List.of(1f, 0f, 0f),
                "vpn", List.of(0f, 1f, 0f),
                "password", List.of(0f, 0f, 1f));
        for (var article : articles.entrySet()) {
            client.index(request -> request.index("articles").id(article.getKey()).refresh(Refresh.True)
                    .document(Map.of("title", article.getKey(), "embedding", article.getValue())));
        }

        SearchResponse<Map> result = client.search(search -> search.index("articles").size(1)
                .query(query -> query.knn(knn -> knn.field("embedding").vector(0.1f, 0.9f, 0.2f).k(1))), Map.class);

        assertThat(result.hits().hits()).hasSize(1);
        assertThat(result.hits().hits().getFirst().id()).isEqualTo("vpn");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

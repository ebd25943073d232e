package io.tierzero.embedded;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch.cluster.HealthResponse;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** OUT_OF_SERVICE while the managed node starts, then UP when the cluster is yellow or green. */
public class OpenSearchHealthIndicator extends AbstractHealthIndicator {

    private final OpenSearchClient client;
    private final ManagedOpenSearch managedNode;

    /** @param managedNode null in external mode or when the managed node is disabled */
    public OpenSearchHealthIndicator(OpenSearchClient client, ManagedOpenSearch managedNode) {
        super("OpenSearch health check failed");
        this.client = client;
        this.managedNode = managedNode;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        if (managedNode != null && !managedNode.isReady()) {
            managedNode.failure().ifPresentOrElse(
                    failure -> builder.down().withException(failure),
                    () -> builder.outOfService().withDetail("node", "starting"));
            return;
        }
        HealthResponse health = client.cluster().health();
        (health.status() == HealthStatus.Red ? builder.down() : builder.up())
                .withDetail("cluster", health.clusterName())
                .withDetail("status", health.status().jsonValue());
    }
}

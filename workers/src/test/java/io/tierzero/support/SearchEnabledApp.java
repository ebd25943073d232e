package io.tierzero.support;

import io.tierzero.embedded.ManagedOpenSearch;
import java.time.Duration;
import java.util.Map;

/**
 * One embedded app with its managed OpenSearch node, shared by the test classes that search the audit trail
 * (starting a node takes 30-50 s): started by the first of them, stopped when the test JVM ends.
 */
public final class SearchEnabledApp {

    private static ModelDrivenApp app;

    private SearchEnabledApp() {
    }

    public static synchronized ModelDrivenApp shared() throws Exception {
        if (app == null) {
            int port = EmbeddedStackTest.freePort();
            ModelDrivenApp started = new ModelDrivenApp(Map.of(
                    "tierzero.embedded.opensearch.enabled", "true",
                    "tierzero.embedded.opensearch.port", Integer.toString(port),
                    "tierzero.opensearch.url", "http://127.0.0.1:" + port,
                    "tierzero.opensearch.distribution-dir", System.getProperty("tierzero.opensearch.distribution-dir")));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            started.bean(ManagedOpenSearch.class).awaitReady(Duration.ofMinutes(3));
            app = started;
        }
        return app;
    }
}

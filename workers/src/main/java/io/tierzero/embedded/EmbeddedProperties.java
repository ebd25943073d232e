package io.tierzero.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The servers TierZero runs itself in embedded mode (tierzero.mode=embedded, the default). */
@ConfigurationProperties("tierzero.embedded")
public record EmbeddedProperties(@DefaultValue Postgres postgres, @DefaultValue OpenSearch opensearch) {

    /** @param port the port of the embedded PostgreSQL server, on 127.0.0.1 */
    public record Postgres(@DefaultValue("54329") int port) {
    }

    /**
     * @param enabled whether to run a local OpenSearch node (tests may turn it off)
     * @param port    its HTTP port, on 127.0.0.1
     * @param heap    its JVM heap size (-Xms and -Xmx)
     */
    public record OpenSearch(@DefaultValue("true") boolean enabled, @DefaultValue("9200") int port,
            @DefaultValue("512m") String heap) {
    }
}

package io.tierzero.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir where TierZero keeps its state; defaults to the TIERZERO_DATA_DIR environment variable, else
 *                ~/.tierzero, or /var/lib/tierzero for root: the servers then run as uid 65534, which cannot
 *                enter /root
 */
@ConfigurationProperties("tierzero")
public record TierZeroProperties(Path dataDir) {

    public TierZeroProperties {
        if (dataDir == null) {
            String fromEnvironment = System.getenv("TIERZERO_DATA_DIR");
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                dataDir = Path.of(fromEnvironment);
            } else if (ChildProcesses.runningAsRoot()) {
                dataDir = Path.of("/var/lib/tierzero");
            } else {
                dataDir = Path.of(System.getProperty("user.home"), ".tierzero");
            }
        }
    }
}

package io.tierzero.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir where TierZero keeps its state; defaults to the TIERZERO_DATA_DIR environment variable, else
 *                ~/.tierzero
 */
@ConfigurationProperties("tierzero")
public record TierZeroProperties(Path dataDir) {

    public TierZeroProperties {
        if (dataDir == null) {
            String fromEnvironment = System.getenv("TIERZERO_DATA_DIR");
            dataDir = fromEnvironment != null && !fromEnvironment.isBlank()
                    ? Path.of(fromEnvironment)
                    : Path.of(System.getProperty("user.home"), ".tierzero");
        }
    }
}

package io.tierzero.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** The folder that holds TierZero's local state, created on start. */
@Component
public class TierZeroDataDirectory {

    private final Path path;

    public TierZeroDataDirectory(TierZeroProperties properties) throws IOException {
        this.path = Files.createDirectories(properties.dataDir().toAbsolutePath().normalize());
    }

    public Path path() {
        return path;
    }

    public Path resolve(String other) {
        return path.resolve(other);
    }
}

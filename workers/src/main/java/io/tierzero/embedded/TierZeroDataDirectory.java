package io.tierzero.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The folder that holds TierZero's local state, created on start. */
@Component
public class TierZeroDataDirectory {

    private final Path path;

    public TierZeroDataDirectory(TierZeroProperties properties) throws IOException {
        this.path = Files.createDirectories(properties.dataDir().toAbsolutePath().normalize());
        if (ChildProcesses.runningAsRoot()) {
            // the servers run as the service user and must pass through this folder to reach theirs
            Set<PosixFilePermission> permissions = new HashSet<>(Files.getPosixFilePermissions(path));
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    public Path path() {
        return path;
    }

    public Path resolve(String other) {
        return path.resolve(other);
    }
}

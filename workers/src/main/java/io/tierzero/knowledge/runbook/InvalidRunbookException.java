package io.tierzero.knowledge.runbook;

import java.nio.file.Path;

public class InvalidRunbookException extends RuntimeException {

    public InvalidRunbookException(Path source, String problem) {
        super(source + ": " + problem);
    }
}

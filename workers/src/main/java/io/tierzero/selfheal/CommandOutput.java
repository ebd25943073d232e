package io.tierzero.selfheal;

import java.util.List;

/** What a remote command returned. */
public record CommandOutput(int exitStatus, String stdout, String stderr) {

    private static final int EVIDENCE_CHARS = 2000;

    public boolean succeeded() {
        return exitStatus == 0;
    }

    public List<String> lines() {
        return stdout.lines().filter(line -> !line.isBlank()).toList();
    }

    /** The end of both outputs, as evidence for the ticket. */
    public String evidence() {
        return tail(stdout) + (stderr.isBlank() ? "" : "\n[stderr] " + tail(stderr));
    }

    private static String tail(String text) {
        return text.length() <= EVIDENCE_CHARS ? text.strip() : "..." + text.substring(text.length() - EVIDENCE_CHARS).strip();
    }
}

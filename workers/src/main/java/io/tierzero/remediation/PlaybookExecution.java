package io.tierzero.remediation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One run of a playbook for a ticket, as recorded. */
public record PlaybookExecution(String tenantId, UUID executionId, UUID ticketId, String playbookId,
        String playbookVersion, String mode, String state, Map<String, String> inputs, String inputDigest,
        Map<String, Object> result, Instant startedAt, Instant endedAt) {

    public boolean isDryRun() {
        return "dry-run".equals(mode);
    }

    /** The value of an input the action resolved, e.g. the directory account. */
    public String input(String name) {
        return inputs.get(name);
    }
}

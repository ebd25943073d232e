package io.tierzero.remediation;

import io.tierzero.knowledge.runbook.Runbook;
import java.util.List;

/** An automated runbook: its declared definition (owner, risk, approval, inputs, steps) and the action behind it. */
public record Playbook(Runbook runbook, PlaybookAction action) {

    public String id() {
        return runbook.id();
    }

    public String version() {
        return runbook.version();
    }

    public String owner() {
        return runbook.owner();
    }

    public String risk() {
        return runbook.risk();
    }

    /** Who must approve a run, as the runbook declares it: none, line-manager, security-team, ... */
    public String approval() {
        return runbook.approval();
    }

    public List<String> inputs() {
        return runbook.requiredInputs();
    }

    public String steps() {
        return runbook.sections().getOrDefault("Steps", "");
    }

    public String verification() {
        return runbook.sections().getOrDefault("Verification", "");
    }

    public String rollback() {
        return runbook.sections().getOrDefault("Rollback", "");
    }
}

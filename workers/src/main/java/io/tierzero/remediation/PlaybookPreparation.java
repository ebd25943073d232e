package io.tierzero.remediation;

/**
 * Whether the playbook can run, and what the approval policy decides on: its risk, its declared approval, and whether
 * it grants sensitive access.
 */
public record PlaybookPreparation(boolean ready, String reason, String playbookId, String playbookVersion,
        String actionRisk, String runbookApproval, boolean sensitiveAccess) {

    static PlaybookPreparation ready(Playbook playbook, boolean sensitiveAccess) {
        return new PlaybookPreparation(true, null, playbook.id(), playbook.version(), playbook.risk(), playbook.approval(),
                sensitiveAccess);
    }

    static PlaybookPreparation notReady(String reason) {
        return new PlaybookPreparation(false, reason, null, null, null, null, false);
    }
}

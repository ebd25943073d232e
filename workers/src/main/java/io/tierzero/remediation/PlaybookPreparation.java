package io.tierzero.remediation;

/** Whether the playbook can run, and what the approval policy decides on: its risk and declared approval. */
public record PlaybookPreparation(boolean ready, String reason, String playbookId, String playbookVersion,
        String actionRisk, String runbookApproval) {

    static PlaybookPreparation ready(Playbook playbook) {
        return new PlaybookPreparation(true, null, playbook.id(), playbook.version(), playbook.risk(), playbook.approval());
    }

    static PlaybookPreparation notReady(String reason) {
        return new PlaybookPreparation(false, reason, null, null, null, null);
    }
}

package io.tierzero.remediation;

/** How a playbook does for a tenant: its runs and what requesters answered afterwards. */
public record PlaybookStatistics(String playbookId, long runs, long succeeded, long failed, long awaitingRequester,
        long dryRuns, long confirmedByRequester, long notResolvedForRequester) {
}

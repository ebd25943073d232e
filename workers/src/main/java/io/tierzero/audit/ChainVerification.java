package io.tierzero.audit;

/**
 * The result of recomputing a tenant's hash chain. {@code firstBrokenSequence} names the first row whose
 * content, link or position does not match (null when the chain is intact).
 */
public record ChainVerification(String tenantId, long eventsChecked, boolean intact, Long firstBrokenSequence,
                                String problem) {

    static ChainVerification intact(String tenantId, long eventsChecked) {
        return new ChainVerification(tenantId, eventsChecked, true, null, null);
    }

    static ChainVerification broken(String tenantId, long eventsChecked, long sequence, String problem) {
        return new ChainVerification(tenantId, eventsChecked, false, sequence, problem);
    }
}

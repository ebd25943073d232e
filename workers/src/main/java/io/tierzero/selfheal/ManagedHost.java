package io.tierzero.selfheal;

/**
 * A host in the tenant's self-heal allow-list: where to reach it, what it is, how its disks may be cleaned (no
 * profile: never), and the host key TierZero accepts from it.
 */
public record ManagedHost(String tenantId, String host, String address, int port, String os, String role,
        String cleanupProfile, String sshUser, String hostKeyFingerprint) {
}

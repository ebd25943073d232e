package io.tierzero.selfheal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Self-heal settings: tierzero.self-heal.*. The hosts themselves are in the database (self_heal_hosts); their
 * credentials only here.
 *
 * @param credentials     per tenant: how TierZero signs in to that tenant's hosts
 * @param cleanupProfiles per profile name (self_heal_hosts.cleanup_profile): what a disk cleanup may remove
 * @param connectTimeout  connecting and signing in to a host
 * @param commandTimeout  each measuring, listing or moving command
 * @param jobRerunTimeout a job rerun, which runs until the job ends
 */
@ConfigurationProperties("tierzero.self-heal")
public record SelfHealProperties(@DefaultValue Map<String, Credentials> credentials,
        @DefaultValue Map<String, CleanupProfile> cleanupProfiles,
        @DefaultValue("PT10S") Duration connectTimeout,
        @DefaultValue("PT2M") Duration commandTimeout,
        @DefaultValue("PT30M") Duration jobRerunTimeout) {

    /** A private key file (OpenSSH or PEM, with its passphrase if it has one) or a password. */
    public record Credentials(Path privateKeyFile, String privateKeyPassphrase, String password) {
    }

    /**
     * @param paths      the folders that may be cleaned, with the file name patterns and the age of files removed
     * @param quarantine where removed files wait until the volume is measured again; on another volume than the
     *                   cleaned ones, or moving them frees nothing
     * @param maxPerRun  at most this much is removed in one run
     */
    public record CleanupProfile(List<CleanupPath> paths, String quarantine,
            @DefaultValue("20GB") DataSize maxPerRun) {
    }

    public record CleanupPath(String path, List<String> patterns, @DefaultValue("7") int olderThanDays) {
    }
}

package io.tierzero.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time secrets sent to requesters in links: "&lt;id&gt;.&lt;secret&gt;". Only the secret's SHA-256 is stored, so
 * the database alone cannot be used to reset anyone's password. A secret is good once, until it expires or too many
 * wrong second-factor codes were typed with it.
 */
@Repository
public class OneTimeSecrets {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OneTimeSecrets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Issues a secret and returns the code to put in the link. */
    public String issue(String tenantId, UUID ticketId, UUID executionId, String purpose, Duration validity) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID secretId = UUID.randomUUID();
        jdbc.sql("""
                        insert into one_time_secrets (tenant_id, secret_id, ticket_id, execution_id, purpose, secret_digest, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, secretId, ticketId, executionId, purpose, digest(encoded),
                        Timestamp.from(Instant.now(clock).plus(validity)))
                .update();
        return secretId + "." + encoded;
    }

    /** Whether the execution has a secret that can still be used: a retried step does not send a second link. */
    public Optional<Instant> pendingExpiry(UUID executionId) {
        return jdbc.sql("select max(expires_at) from one_time_secrets where execution_id = ? and used_at is null and expires_at > ?")
                .params(executionId, Timestamp.from(Instant.now(clock)))
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** The secret the code stands for, if it is genuine, unused and unexpired. */
    public Optional<IssuedSecret> redeemable(String code, String purpose) {
        int dot = code == null ? -1 : code.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        UUID secretId;
        try {
            secretId = UUID.fromString(code.substring(0, dot));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String presentedDigest = digest(code.substring(dot + 1));
        return jdbc.sql("""
                        select * from one_time_secrets
                        where secret_id = ? and purpose = ? and used_at is null and expires_at > ?""")
                .params(secretId, purpose, Timestamp.from(Instant.now(clock)))
                .query((rs, n) -> new IssuedSecret(rs.getString("tenant_id"), secretId,
                        rs.getObject("ticket_id", UUID.class), rs.getObject("execution_id", UUID.class),
                        rs.getString("secret_digest"), rs.getInt("failed_attempts")))
                .optional()
                .filter(found -> MessageDigest.isEqual(found.secretDigest().getBytes(StandardCharsets.US_ASCII),
                        presentedDigest.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Counts a wrong second-factor code; returns the attempts so far. */
    public int failedAttempt(UUID secretId) {
        return jdbc.sql("update one_time_secrets set failed_attempts = failed_attempts + 1 where secret_id = ? returning failed_attempts")
                .param(secretId).query(Integer.class).single();
    }

    /** Uses the secret up; false if it was used already (a double submit). */
    public boolean use(UUID secretId) {
        return jdbc.sql("update one_time_secrets set used_at = ? where secret_id = ? and used_at is null")
                .params(Timestamp.from(Instant.now(clock)), secretId).update() == 1;
    }

    private static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record IssuedSecret(String tenantId, UUID secretId, UUID ticketId, UUID executionId, String secretDigest,
            int failedAttempts) {
    }
}

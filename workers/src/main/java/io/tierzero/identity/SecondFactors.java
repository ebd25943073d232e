package io.tierzero.identity;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.crypto.tink.Aead;
import com.unboundid.util.Base32;
import io.tierzero.keys.KeyRing;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The requester's second factor: a TOTP authenticator (RFC 6238, 30-second steps, 6 digits). The shared secret is
 * kept encrypted; a code is accepted once, within one step of the server's clock.
 */
@Service
public class SecondFactors {

    private static final Duration STEP = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Aead secrets;
    private final Clock clock;
    private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(STEP);

    public SecondFactors(JdbcClient jdbc, KeyRing keys, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = keys.secrets();
        this.clock = clock;
    }

    /** The otpauth:// URI authenticator apps read (from a QR code, or typed in) for this secret. */
    public static String otpauthUri(String requesterId, String base32Secret) {
        return "otpauth://totp/TierZero:%s?secret=%s&issuer=TierZero".formatted(requesterId, base32Secret);
    }

    public void enrol(String tenantId, String requesterId, byte[] secret, String enrolledBy) {
        jdbc.sql("""
                        insert into requester_factors (tenant_id, requester_id, kind, secret_ciphertext, enrolled_by)
                        values (?, ?, 'totp', ?, ?)
                        on conflict (tenant_id, requester_id, kind) do update
                        set secret_ciphertext = excluded.secret_ciphertext, enrolled_by = excluded.enrolled_by,
                            enrolled_at = now(), last_used_step = 0""")
                .params(tenantId, requesterId, encrypt(tenantId, requesterId, secret), enrolledBy).update();
    }

    public boolean isEnrolled(String tenantId, String requesterId) {
        return ciphertext(tenantId, requesterId).isPresent();
    }

    /** Whether the code is the requester's current one and has not been used before. */
    public boolean verify(String tenantId, String requesterId, String code) {
        Optional<byte[]> ciphertext = ciphertext(tenantId, requesterId);
        if (ciphertext.isEmpty() || code == null || !code.strip().matches("\\d{6}")) {
            return false;
        }
        SecretKeySpec key = new SecretKeySpec(decrypt(tenantId, requesterId, ciphertext.get()), totp.getAlgorithm());
        long currentStep = Instant.now(clock).getEpochSecond() / STEP.toSeconds();
        for (long step = currentStep - 1; step <= currentStep + 1; step++) {
            if (codeAt(key, step).equals(code.strip())) {
                return jdbc.sql("""
                                update requester_factors set last_used_step = ?
                                where tenant_id = ? and requester_id = ? and kind = 'totp' and last_used_step < ?""")
                        .params(step, tenantId, requesterId, step).update() == 1;
            }
        }
        return false;
    }

    public static byte[] decode(String base32Secret) {
        try {
            return Base32.decode(base32Secret);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("Not a base32 secret: " + e.getMessage(), e);
        }
    }

    /** A new random authenticator secret, base32 as authenticator apps take it. */
    public static String newSecret() {
        byte[] secret = new byte[20];
        new SecureRandom().nextBytes(secret);
        return Base32.encode(secret);
    }

    /** Whether the code is the current one (within one step) of an authenticator with this secret. */
    public boolean matches(String base32Secret, String code) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return false;
        }
        Instant now = Instant.now(clock);
        for (long offset = -1; offset <= 1; offset++) {
            if (currentCode(base32Secret, now.plus(STEP.multipliedBy(offset))).equals(code.strip())) {
                return true;
            }
        }
        return false;
    }

    /** The code an authenticator with this secret shows now: what the requester types. */
    public static String currentCode(String base32Secret, Instant now) {
        TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP);
        try {
            byte[] secret = Base32.decode(base32Secret);
            return generator.generateOneTimePasswordString(new SecretKeySpec(secret, generator.getAlgorithm()), now);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("Not a base32 secret: " + e.getMessage(), e);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private String codeAt(SecretKeySpec key, long step) {
        try {
            return totp.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * STEP.toSeconds()));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<byte[]> ciphertext(String tenantId, String requesterId) {
        return jdbc.sql("select secret_ciphertext from requester_factors where tenant_id = ? and requester_id = ? and kind = 'totp'")
                .params(tenantId, requesterId).query(byte[].class).optional();
    }

    private byte[] encrypt(String tenantId, String requesterId, byte[] secret) {
        try {
            return secrets.encrypt(secret, associatedData(tenantId, requesterId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] decrypt(String tenantId, String requesterId, byte[] ciphertext) {
        try {
            return secrets.decrypt(ciphertext, associatedData(tenantId, requesterId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The second factor of " + requesterId + " cannot be decrypted with this key ring", e);
        }
    }

    /** Binds the ciphertext to its row: a secret copied to another requester does not decrypt. */
    private static byte[] associatedData(String tenantId, String requesterId) {
        return (tenantId + "/" + requesterId + "/totp").getBytes(StandardCharsets.UTF_8);
    }
}

package io.tierzero.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.jwt.JwtMac;
import com.google.crypto.tink.jwt.JwtMacConfig;
import com.google.crypto.tink.jwt.JwtHmacParameters;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * TierZero's keys, as Tink keysets in one folder: created on first start, kept across restarts, readable by the
 * app's user only. A cluster of app instances shares the folder (a mounted secret).
 * <ul>
 *   <li>signing.json: Ed25519, signs every executed playbook action in the audit trail</li>
 *   <li>tokens.json: HMAC-SHA256 JWTs, the signed expiring links sent to requesters</li>
 *   <li>secrets.json: AES-256-GCM, secrets kept in the database (enrolled second factors)</li>
 * </ul>
 * The keysets are stored unencrypted, like any mounted secret; wrap them with a KMS where one is available.
 */
public class KeyRing {

    private final KeysetHandle signing;
    private final KeysetHandle tokens;
    private final KeysetHandle secrets;

    public KeyRing(Path folder) {
        try {
            SignatureConfig.register();
            JwtMacConfig.register();
            AeadConfig.register();
            Files.createDirectories(folder);
            signing = loadOrCreate(folder.resolve("signing.json"),
                    () -> KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519));
            tokens = loadOrCreate(folder.resolve("tokens.json"), () -> KeysetHandle.generateNew(
                    JwtHmacParameters.builder().setKeySizeBytes(32)
                            .setAlgorithm(JwtHmacParameters.Algorithm.HS256)
                            .setKidStrategy(JwtHmacParameters.KidStrategy.BASE64_ENCODED_KEY_ID).build()));
            secrets = loadOrCreate(folder.resolve("secrets.json"),
                    () -> KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load or create the keys in " + folder, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load or create the keys in " + folder, e);
        }
    }

    public PublicKeySign signer() {
        return primitive(signing, PublicKeySign.class);
    }

    public PublicKeyVerify verifier() {
        try {
            return primitive(signing.getPublicKeysetHandle(), PublicKeyVerify.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half of the signing keyset (Tink JSON), for anyone who wants to check signatures offline. */
    public String publicSigningKeyset() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(signing.getPublicKeysetHandle());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public JwtMac tokens() {
        return primitive(tokens, JwtMac.class);
    }

    public Aead secrets() {
        return primitive(secrets, Aead.class);
    }

    private static <P> P primitive(KeysetHandle keyset, Class<P> type) {
        try {
            return keyset.getPrimitive(RegistryConfiguration.get(), type);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Keyset cannot give a " + type.getSimpleName(), e);
        }
    }

    private static KeysetHandle loadOrCreate(Path file, KeysetFactory factory) throws GeneralSecurityException, IOException {
        if (Files.exists(file)) {
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
        }
        KeysetHandle keyset = factory.create();
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(partial, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()),
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return keyset;
    }

    @FunctionalInterface
    private interface KeysetFactory {
        KeysetHandle create() throws GeneralSecurityException;
    }
}

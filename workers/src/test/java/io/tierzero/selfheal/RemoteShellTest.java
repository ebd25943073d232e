package io.tierzero.selfheal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierzero.selfheal.SelfHealProperties.Credentials;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The connector on its own against a real SSH server: signing in with a private key file or a password. */
class RemoteShellTest {

    @TempDir
    static Path root;

    private static TestSshHost sshHost;

    @BeforeAll
    static void startTheHost() {
        sshHost = new TestSshHost(root.resolve("host"));
    }

    @AfterAll
    static void stopTheHost() throws IOException {
        sshHost.close();
    }

    @ParameterizedTest
    @CsvSource({"ssh-ed25519,256", "ssh-rsa,2048"})
    void signsInWithTheTenantsPrivateKeyFileAndRunsAnAllowListedCommand(String keyType, int bits) throws Exception {
        KeyPair keys = KeyUtils.generateKeyPair(keyType, bits);
        sshHost.authorize(keys.getPublic());
        Path keyFile = root.resolve("id_" + keyType);
        try (OutputStream out = Files.newOutputStream(keyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keys, "tierzero", null, out);
        }
        Path volume = Files.createDirectories(root.resolve("volume-" + keyType));
        Files.write(volume.resolve("data.bin"), new byte[200 * 1024]);

        try (RemoteShell shell = shell(new Credentials(keyFile, null, null));
                RemoteSession session = shell.open(host())) {
            CommandOutput output = session.run(AllowedCommand.DISK_USAGE.with(Map.of("path", volume.toString())));
            assertThat(output.succeeded()).isTrue();
            assertThat(VolumeUsage.parse(output, volume.toString()).percent()).isEqualTo(21);
        }
    }

    @Test
    void aWrongPasswordIsNotSignedIn() throws IOException {
        try (RemoteShell shell = shell(new Credentials(null, null, "not the password"))) {
            assertThatThrownBy(() -> shell.open(host())).isInstanceOf(RemoteHostException.class)
                    .hasMessageStartingWith("Could not sign in to test-host");
        }
    }

    private static RemoteShell shell(Credentials credentials) {
        return new RemoteShell(new SelfHealProperties(Map.of("acme", credentials), Map.of(), Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(10)));
    }

    private static ManagedHost host() {
        return new ManagedHost("acme", "test-host", "127.0.0.1", sshHost.port(), "linux", "web", null,
                TestSshHost.USER, sshHost.hostKeyFingerprint());
    }
}

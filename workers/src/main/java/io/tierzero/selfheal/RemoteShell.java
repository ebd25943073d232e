package io.tierzero.selfheal;

import java.io.IOException;
import java.security.PublicKey;
import java.util.Objects;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.springframework.stereotype.Component;

/**
 * The remote-execution connector: SSH sessions to the hosts of the allow-list. A host is only signed in to when it
 * presents the host key registered for it; the credentials are the tenant's, from the configuration.
 */
@Component
public class RemoteShell implements AutoCloseable {

    private static final AttributeKey<HostKeyCheck> HOST_KEY_CHECK = new AttributeKey<>();

    private final SelfHealProperties properties;
    private final SshClient client;

    public RemoteShell(SelfHealProperties properties) {
        this.properties = properties;
        this.client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, address, key) ->
                session.getConnectionContext().getAttribute(HOST_KEY_CHECK).accepts(key));
        client.start();
    }

    public boolean hasCredentials(String tenantId) {
        return properties.credentials().containsKey(tenantId);
    }

    public RemoteSession open(ManagedHost host) {
        SelfHealProperties.Credentials credentials = properties.credentials().get(host.tenantId());
        if (credentials == null) {
            throw new RemoteHostException("No self-heal credentials are configured for " + host.tenantId());
        }
        HostKeyCheck check = new HostKeyCheck(host.hostKeyFingerprint());
        ClientSession session = null;
        try {
            session = client.connect(host.sshUser(), host.address(), host.port(),
                            AttributeRepository.ofKeyValuePair(HOST_KEY_CHECK, check))
                    .verify(properties.connectTimeout()).getSession();
            if (credentials.privateKeyFile() != null) {
                FileKeyPairProvider keys = new FileKeyPairProvider(credentials.privateKeyFile());
                keys.setPasswordFinder(FilePasswordProvider.of(credentials.privateKeyPassphrase()));
                session.setKeyIdentityProvider(keys);
            }
            if (credentials.password() != null) {
                session.addPasswordIdentity(credentials.password());
            }
            session.auth().verify(properties.connectTimeout());
            return new RemoteSession(session, host.host(), properties.commandTimeout());
        } catch (IOException | RuntimeException e) {
            if (session != null) {
                session.close(true);
            }
            if (check.presented != null && !check.accepted) {
                throw new RemoteHostException("Host " + host.host() + " presented host key " + check.presented
                        + ", not the registered " + host.hostKeyFingerprint() + ": not signed in, nothing run", e);
            }
            throw new RemoteHostException("Could not sign in to " + host.host() + " (" + host.address() + ":"
                    + host.port() + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        client.stop();
    }

    /** The fingerprint registered for the host being connected to, and the one it presented. */
    private static final class HostKeyCheck {

        private final String registered;
        private volatile String presented;
        private volatile boolean accepted;

        HostKeyCheck(String registered) {
            this.registered = registered;
        }

        boolean accepts(PublicKey key) {
            String fingerprint = KeyUtils.getFingerPrint(key);
            presented = KeyUtils.getKeyType(key) + " " + fingerprint;
            accepted = Objects.equals(registered, fingerprint);
            return accepted;
        }
    }
}

package io.tierzero.selfheal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellFactory;

/**
 * A real SSH server on a free loopback port that runs every command with /bin/sh, as OpenSSH does. Its folder
 * {@code bin} comes first on the PATH and holds a {@code df} that reports any folder as a volume of
 * {@code bin/capacity-kb} KB with {@code du -sk} of the folder used: a test cannot fill a real file system, but the
 * files it fills, cleans and measures are real.
 */
final class TestSshHost implements AutoCloseable {

    static final String USER = "selfheal";
    static final String PASSWORD = "correct horse battery staple";

    private static final String DF = """
            #!/bin/sh
            # df -P -- <folder>: the folder is a volume of capacity-kb KB
            for folder; do :; done
            size=$(cat "$(dirname "$0")/capacity-kb")
            used=$(du -sk -- "$folder" | cut -f1)
            echo "Filesystem 1024-blocks Used Available Capacity Mounted on"
            echo "$folder $size $used $((size - used)) $(((used * 100 + size - 1) / size))% $folder"
            """;

    private final SshServer server;
    private final Path bin;
    private final AtomicInteger sessions = new AtomicInteger();
    private final List<PublicKey> authorizedKeys = new CopyOnWriteArrayList<>();

    TestSshHost(Path root) {
        try {
            bin = Files.createDirectories(root.resolve("bin"));
            Path df = Files.writeString(bin.resolve("df"), DF);
            Files.setPosixFilePermissions(df, PosixFilePermissions.fromString("rwxr-xr-x"));
            capacityKb(1000);
            server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(0);
            server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(root.resolve("host-key")));
            server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
            server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user)
                    && authorizedKeys.stream().anyMatch(authorized -> KeyUtils.compareKeys(authorized, key)));
            server.setCommandFactory((channel, command) -> {
                // the factory runs its command with /bin/sh -c
                String withTestPath = "PATH='" + bin + "':\"$PATH\"; export PATH; " + command;
                return new ProcessShellFactory(withTestPath, withTestPath).createShell(channel);
            });
            server.addSessionListener(new SessionListener() {
                @Override
                public void sessionCreated(Session session) {
                    sessions.incrementAndGet();
                }
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void capacityKb(int kb) {
        try {
            Files.writeString(bin.resolve("capacity-kb"), Integer.toString(kb));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets the holder of this key's private key sign in as {@link #USER}. */
    void authorize(PublicKey key) {
        authorizedKeys.add(key);
    }

    int port() {
        return server.getPort();
    }

    String hostKeyFingerprint() {
        try {
            return KeyUtils.getFingerPrint(server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** SSH sessions opened to this host so far. */
    int sessions() {
        return sessions.get();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}

package io.tierzero.identity;

import com.unboundid.ldap.listener.Base64PasswordEncoderOutputFormatter;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SaltedMessageDigestInMemoryPasswordEncoder;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The embedded default's user directory: an in-memory LDAP server (UnboundID) on 127.0.0.1 with the demo tenant's
 * users. Its content is written to the data directory on stop and read back on start, so a password reset survives
 * a restart. Passwords are stored salted and hashed. Without a schema, so that it takes the ppolicy lock attribute the LDAP directories of the field use.
 */
public class EmbeddedDirectoryServer {

    public static final String BASE_DN = "dc=demo,dc=example";
    public static final String ADMIN_DN = "cn=tierzero,ou=services," + BASE_DN;

    private final Path savedContent;
    private final int port;
    private final String adminPassword;
    private InMemoryDirectoryServer server;

    public EmbeddedDirectoryServer(Path savedContent, int port, String adminPassword) {
        this.savedContent = savedContent;
        this.port = port;
        this.adminPassword = adminPassword;
    }

    public void start() throws LDAPException, IOException, NoSuchAlgorithmException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.setSchema(null);
        // passwords are stored salted and hashed, as a real directory does
        config.setPasswordEncoders(new SaltedMessageDigestInMemoryPasswordEncoder("{SSHA256}", Base64PasswordEncoderOutputFormatter.getInstance(),
                MessageDigest.getInstance("SHA-256"), 16, true, true));
        config.addAdditionalBindCredentials(ADMIN_DN, adminPassword);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                InetAddress.getLoopbackAddress(), port, null));
        server = new InMemoryDirectoryServer(config);
        if (Files.exists(savedContent)) {
            server.importFromLDIF(true, savedContent.toFile());
        } else {
            try (InputStream demo = getClass().getResourceAsStream("/directory/demo.ldif");
                 LDIFReader reader = new LDIFReader(demo)) {
                server.importFromLDIF(true, reader);
            }
        }
        server.startListening();
    }

    public void stop() {
        if (server == null) {
            return;
        }
        try {
            Files.createDirectories(savedContent.getParent());
            Path partial = savedContent.resolveSibling(savedContent.getFileName() + ".new");
            server.exportToLDIF(partial.toString(), false, true);
            Files.move(partial, savedContent, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (LDAPException | IOException e) {
            throw new IllegalStateException("Cannot save the embedded directory to " + savedContent, e);
        } finally {
            server.shutDown(true);
        }
    }

    /** Stops listening and drops every open connection, keeping the content: a directory outage. */
    public void stopListening() {
        server.shutDown(true);
    }

    public void startListening() throws LDAPException {
        server.startListening();
    }

    public DirectoryProperties.Settings settings() {
        return new DirectoryProperties.Settings("ldap://127.0.0.1:" + port, ADMIN_DN, adminPassword,
                "ou=people," + BASE_DN, DirectoryProperties.Flavor.LDAP, "uid", false);
    }
}

package io.tierzero.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;

/** The client options for an external cluster, against an HTTPS server with a certificate for 127.0.0.1 only. */
class OpenSearchClientTlsTest {

    private static final String AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString("tierzero:secret".getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path folder;

    private static Path keystore;
    private static HttpsServer server;

    @BeforeAll
    static void startHttpsServer() throws Exception {
        keystore = folder.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit").inheritIO().start();
        assertThat(keytool.waitFor()).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(keyManagers.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/", exchange -> {
            boolean authorized = AUTHORIZATION.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!authorized) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"opensearch\"");
            }
            exchange.sendResponseHeaders(authorized ? 200 : 401, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopHttpsServer() {
        server.stop(0);
    }

    @Test
    void trustAllCertificatesAcceptsAnyCertificateAndHostName() throws Exception {
        assertThat(client("localhost", true, null, "secret").ping().value()).isTrue();
    }

    @Test
    void sendsTheBasicAuthenticationCredentials() {
        assertThatThrownBy(() -> client("127.0.0.1", true, null, "wrong").ping())
                .hasMessageContaining("Unauthorized");
    }

    @Test
    void trustsTheCertificatesOfTheTruststore() throws Exception {
        assertThat(client("127.0.0.1", false, keystore, "secret").ping().value()).isTrue();
    }

    @Test
    void checksTheHostNameWithATruststore() {
        assertThatThrownBy(() -> client("localhost", false, keystore, "secret").ping())
                .hasRootCauseInstanceOf(SSLPeerUnverifiedException.class);
    }

    @Test
    void checksTheCertificateWithoutATruststore() {
        assertThatThrownBy(() -> client("127.0.0.1", false, null, "secret").ping())
                .hasRootCauseInstanceOf(CertPathBuilderException.class);
    }

    private static OpenSearchClient client(String host, boolean trustAll, Path truststore, String password)
            throws Exception {
        URI url = URI.create("https://" + host + ":" + server.getAddress().getPort());
        return new OpenSearchClient(OpenSearchConfiguration.transport(
                new OpenSearchProperties(url, "tierzero", password, trustAll, truststore, "changeit", null),
                new EmbeddedProperties(new EmbeddedProperties.Postgres(54329),
                        new EmbeddedProperties.OpenSearch(false, 9200, "512m")),
                new ObjectMapper()));
    }
}

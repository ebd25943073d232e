package io.tierzero.embedded;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How TierZero reaches OpenSearch, in both modes.
 *
 * @param url                  scheme, host and port; defaults to the managed node, http://127.0.0.1:{embedded port}
 * @param username             for basic authentication, optional
 * @param password             for basic authentication, optional
 * @param trustAllCertificates accept any TLS certificate and host name (test clusters only)
 * @param truststore           a PKCS12 or JKS truststore with the CA of the cluster's certificate, optional
 * @param truststorePassword   its password, optional
 * @param distributionDir      the folder with opensearch-{version}.zip and opensearch-knn-{version}.zip that the
 *                             managed node is installed from on its first start
 */
@ConfigurationProperties("tierzero.opensearch")
public record OpenSearchProperties(URI url, String username, String password, boolean trustAllCertificates,
        Path truststore, String truststorePassword, Path distributionDir) {

    /** Environment variables left empty (the compose file's defaults) mean "not set". */
    public OpenSearchProperties {
        username = blankToNull(username);
        password = blankToNull(password);
        truststorePassword = blankToNull(truststorePassword);
        if (truststore != null && truststore.toString().isBlank()) {
            truststore = null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

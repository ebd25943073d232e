package io.tierzero.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.ssl.SSLContextBuilder;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenSearch client, in both modes: to the managed node by default, else to tierzero.opensearch.url. */
@Configuration(proxyBeanMethods = false)
public class OpenSearchConfiguration {

    @Bean
    OpenSearchTransport openSearchTransport(OpenSearchProperties properties, EmbeddedProperties embedded,
            ObjectMapper objectMapper) throws GeneralSecurityException, IOException {
        return transport(properties, embedded, objectMapper);
    }

    @Bean
    OpenSearchClient openSearchClient(OpenSearchTransport transport) {
        return new OpenSearchClient(transport);
    }

    @Bean
    @ConditionalOnEnabledHealthIndicator("opensearch")
    OpenSearchHealthIndicator opensearchHealthIndicator(OpenSearchClient client,
            ObjectProvider<ManagedOpenSearch> managedNode) {
        return new OpenSearchHealthIndicator(client, managedNode.getIfAvailable());
    }

    static OpenSearchTransport transport(OpenSearchProperties properties, EmbeddedProperties embedded,
            ObjectMapper objectMapper) throws GeneralSecurityException, IOException {
        URI url = properties.url() != null ? properties.url()
                : URI.create("http://127.0.0.1:" + embedded.opensearch().port());
        HttpHost host = HttpHost.create(url);
        TlsStrategy tls = "https".equalsIgnoreCase(url.getScheme()) ? tlsStrategy(properties) : null;
        return ApacheHttpClient5TransportBuilder.builder(host)
                // a copy: the mapper is reconfigured for OpenSearch
                .setMapper(new JacksonJsonpMapper(objectMapper.copy()))
                .setHttpClientConfigCallback(http -> {
                    if (properties.username() != null) {
                        var credentials = new BasicCredentialsProvider();
                        char[] password = properties.password() == null
                                ? new char[0]
                                : properties.password().toCharArray();
                        credentials.setCredentials(new AuthScope(host),
                                new UsernamePasswordCredentials(properties.username(), password));
                        http.setDefaultCredentialsProvider(credentials);
                    }
                    if (tls != null) {
                        http.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                                .setTlsStrategy(tls)
                                .setMaxConnPerRoute(ApacheHttpClient5TransportBuilder.DEFAULT_MAX_CONN_PER_ROUTE)
                                .setMaxConnTotal(ApacheHttpClient5TransportBuilder.DEFAULT_MAX_CONN_TOTAL)
                                .build());
                    }
                    return http;
                })
                .build();
    }

    /**
     * Host names are checked by HttpClient after the handshake (policy BOTH): httpclient5 5.5.2's default, leaving it
     * to the JSSE alone (BUILTIN), does not check them at all on async connections (see OpenSearchClientTlsTest).
     */
    private static TlsStrategy tlsStrategy(OpenSearchProperties properties)
            throws GeneralSecurityException, IOException {
        var tls = ClientTlsStrategyBuilder.create();
        if (properties.trustAllCertificates()) {
            return tls.setSslContext(SSLContextBuilder.create().loadTrustMaterial(TrustAllStrategy.INSTANCE).build())
                    .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                    .setHostnameVerifier(NoopHostnameVerifier.INSTANCE)
                    .buildAsync();
        }
        if (properties.truststore() != null) {
            char[] password = properties.truststorePassword() == null
                    ? null
                    : properties.truststorePassword().toCharArray();
            tls.setSslContext(SSLContextBuilder.create()
                    .loadTrustMaterial(properties.truststore().toFile(), password).build());
        }
        return tls.setHostVerificationPolicy(HostnameVerificationPolicy.BOTH).buildAsync();
    }
}

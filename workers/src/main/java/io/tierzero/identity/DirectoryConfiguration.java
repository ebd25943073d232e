package io.tierzero.identity;

import io.tierzero.embedded.TierZeroDataDirectory;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectoryProperties.class)
class DirectoryConfiguration {

    /** The embedded default's in-memory directory; it serves the demo tenant unless tierzero.directories.demo is set. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    @ConditionalOnExpression("'${tierzero.mode:embedded}' == 'embedded' and ${tierzero.embedded.directory.enabled:true}")
    EmbeddedDirectoryServer embeddedDirectoryServer(TierZeroDataDirectory dataDirectory,
            @Value("${tierzero.embedded.directory.port:3389}") int port) {
        byte[] password = new byte[24];
        new SecureRandom().nextBytes(password);
        return new EmbeddedDirectoryServer(dataDirectory.resolve("directory/demo.ldif"), port,
                HexFormat.of().formatHex(password));
    }

    @Bean(destroyMethod = "close")
    Directories directories(DirectoryProperties properties, ObjectProvider<EmbeddedDirectoryServer> embedded) {
        Map<String, DirectoryProperties.Settings> settings = new HashMap<>(properties.directories());
        embedded.ifAvailable(server -> settings.putIfAbsent("demo", server.settings()));
        return new Directories(settings);
    }
}

package io.tierzero.keys;

import io.tierzero.embedded.TierZeroDataDirectory;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

    /** tierzero.keys.dir: the folder of the keysets; default data-dir/keys. */
    @Bean
    KeyRing keyRing(TierZeroDataDirectory dataDirectory, @Value("${tierzero.keys.dir:}") String folder) {
        return new KeyRing(folder.isBlank() ? dataDirectory.resolve("keys") : Path.of(folder));
    }
}

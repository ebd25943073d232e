package io.tierzero.knowledge;

import io.tierzero.communication.Communications;
import io.tierzero.remediation.PlaybookRefusedException;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The guided runbooks automation answers with a guide, and what each guide needs to know of the requester's site. */
@Configuration(proxyBeanMethods = false)
class GuidedRunbooks {

    @Bean
    GuidedRunbookPlaybook vpnGuide(RequesterSites sites, Communications communications) {
        return new GuidedRunbookPlaybook("vpn-access", sites, site -> {
            if (site.vpnProduct() == null) {
                throw new PlaybookRefusedException("No VPN product is recorded for site " + site.name());
            }
            String product = site.vpnProduct().toLowerCase();
            return Map.of("vpnProduct", site.vpnProduct(), "globalProtect", product.contains("globalprotect"),
                    "anyConnect", product.contains("anyconnect") || product.contains("secure client"),
                    "fortiClient", product.contains("forti"));
        }, "vpnProduct", communications);
    }

    @Bean
    GuidedRunbookPlaybook printerGuide(RequesterSites sites, Communications communications) {
        return new GuidedRunbookPlaybook("printer-issue", sites, site -> {
            if (site.printerModel() == null) {
                throw new PlaybookRefusedException("No printer is recorded for site " + site.name());
            }
            return Map.of("printerModel", site.printerModel());
        }, "printerModel", communications);
    }
}

package io.tierzero.identity;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One access playbook per access runbook: the same grant, for different kinds of resource. */
@Configuration(proxyBeanMethods = false)
class AccessPlaybooks {

    @Bean
    GroupAccessPlaybook mailboxAccessPlaybook(IdentityChecks checks, AccessCatalogue catalogue, LicencePools licences) {
        return new GroupAccessPlaybook("mailbox-access", List.of("mailbox"), checks, catalogue, licences);
    }

    @Bean
    GroupAccessPlaybook fileShareAccessPlaybook(IdentityChecks checks, AccessCatalogue catalogue, LicencePools licences) {
        return new GroupAccessPlaybook("file-share-access", List.of("file-share"), checks, catalogue, licences);
    }

    @Bean
    GroupAccessPlaybook applicationAccessPlaybook(IdentityChecks checks, AccessCatalogue catalogue, LicencePools licences) {
        return new GroupAccessPlaybook("app-access-request", List.of("application-role"), checks, catalogue, licences);
    }
}

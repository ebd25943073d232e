package io.tierzero.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded default's mail server, where spring.mail.* points (application.yml). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${tierzero.mode:embedded}' == 'embedded' and ${tierzero.embedded.mail.enabled:true}")
public class EmbeddedMailConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    EmbeddedMailServer embeddedMailServer(EmbeddedMailProperties mail) {
        return new EmbeddedMailServer(mail.smtpPort(), mail.imapPort());
    }
}

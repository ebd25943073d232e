package io.tierzero.web;

import java.lang.management.ManagementFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started TierZero where to find it once it is ready. */
@Component
class ReadyReport {

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        Environment environment = event.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + web.getWebServer().getPort();
        System.out.printf("""

                TierZero is ready after %.1f s (%s mode)
                  Console      %s/console/   (%s)
                  API          %s/api/tenants/demo/requests
                  OpenAPI      %s/v3/api-docs   (Swagger UI: %s/swagger-ui.html)
                  Health       %s/actuator/health
                  Zeebe        %s
                  OpenSearch   %s
                  Data         %s

                """, ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0,
                environment.getProperty("tierzero.mode", "embedded"), base,
                environment.matchesProfiles("demo") ? "demo accounts: README \"Sign-in and roles\", password demo"
                        : "sign in with tierzero.access.users or the identity provider",
                base, base, base, base,
                environment.getProperty("camunda.client.grpc-address"),
                environment.getProperty("tierzero.opensearch.url", "(not configured)"),
                environment.getProperty("tierzero.data-dir", "(external database)"));
    }
}

package io.tierzero.identity;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Links to the requester pages, on tierzero.public-url (default: this instance on 127.0.0.1). */
@Component
public class SelfServiceLinks {

    private final Environment environment;

    public SelfServiceLinks(Environment environment) {
        this.environment = environment;
    }

    public String passwordReset(String code) {
        return UriComponentsBuilder.fromUriString(base()).path("/self-service/password-reset")
                .queryParam("code", code).build().toUriString();
    }

    public String mfaEnrolment(String code) {
        return UriComponentsBuilder.fromUriString(base()).path("/self-service/mfa-enrolment")
                .queryParam("code", code).build().toUriString();
    }

    private String base() {
        String configured = environment.getProperty("tierzero.public-url");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        // read when a link is made: with server.port=0 the port is only known once the server listens
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}

package io.tierzero.selfservice;

import io.tierzero.tenant.Tenant;
import io.tierzero.ticket.Ticket;
import java.time.Clock;
import java.time.Instant;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Yes and No links of "did this resolve your issue?": each opens a page of this app with a signed token that
 * holds the answer and the round of the question, valid for the tenant's confirmation period.
 */
@Component
public class ConfirmationLinks {

    static final String PATH = "/self-service/confirmation";

    private final ConfirmationTokens tokens;
    private final Environment environment;
    private final Clock clock;

    public ConfirmationLinks(ConfirmationTokens tokens, Environment environment, Clock clock) {
        this.tokens = tokens;
        this.environment = environment;
        this.clock = clock;
    }

    /** Both links, which expire together at the end of the tenant's confirmation period. */
    public Links linksFor(Ticket ticket, Tenant tenant) {
        Instant expiresAt = Instant.now(clock).plus(tenant.confirmationPeriod());
        return new Links(link(new ConfirmationClaim(ticket.ticketId(), ticket.tenantId(), true, ticket.reopenCount()), expiresAt),
                link(new ConfirmationClaim(ticket.ticketId(), ticket.tenantId(), false, ticket.reopenCount()), expiresAt),
                expiresAt);
    }

    private String link(ConfirmationClaim claim, Instant expiresAt) {
        return UriComponentsBuilder.fromUriString(publicUrl()).path(PATH)
                .queryParam("token", tokens.issue(claim, expiresAt)).build().toUriString();
    }

    /** Read on each use: with server.port=0 the port is only known once the server runs. */
    private String publicUrl() {
        String configured = environment.getProperty("tierzero.public-url", "");
        if (!configured.isBlank()) {
            return configured;
        }
        return "http://127.0.0.1:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }

    public record Links(String yes, String no, Instant expiresAt) {
    }
}

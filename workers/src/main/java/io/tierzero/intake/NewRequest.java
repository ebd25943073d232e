package io.tierzero.intake;

import io.tierzero.ticket.Channel;
import io.tierzero.ticket.ExtractedEntity;
import io.tierzero.ticket.Level;
import io.tierzero.ticket.Region;
import io.tierzero.ticket.TicketKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A request as any channel submits it. Only what a requester always knows is required; impact and urgency
 * default to medium, the region to the tenant's.
 */
public record NewRequest(
        TicketKind kind,
        @NotNull Channel channel,
        @NotNull @Valid Requester requester,
        Region region,
        @NotBlank @Size(max = 255) String subject,
        @NotBlank @Size(max = 20_000) String body,
        Level impact,
        Level urgency,
        @Size(max = 64) String category,
        @Size(max = 50) List<@Valid ExtractedEntity> entities,
        @Size(max = 10) Map<@NotBlank @Size(max = 64) String, @NotBlank @Size(max = 128) String> externalReferences) {

    public record Requester(
            @NotBlank @Size(max = 128) String id,
            @Size(max = 255) String name,
            @Email @Size(max = 255) String email) {
    }

    TicketKind kindOrDefault() {
        return kind == null ? TicketKind.SERVICE_REQUEST : kind;
    }

    Level impactOrDefault() {
        return impact == null ? Level.MEDIUM : impact;
    }

    Level urgencyOrDefault() {
        return urgency == null ? Level.MEDIUM : urgency;
    }
}

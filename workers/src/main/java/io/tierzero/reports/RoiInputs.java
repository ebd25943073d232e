package io.tierzero.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a tenant's engineers cost, for the ROI report: an engineer's hourly cost, the minutes of engineer handling
 * a ticket takes without automation (used when the period has no measured handling), what an automated ticket
 * costs (compute, licences) and the currency of the amounts. {@code updatedAt} and {@code updatedBy} are null
 * while the tenant uses the {@link #DEFAULTS}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RoiInputs(BigDecimal hourlyCost, BigDecimal handlingMinutes, BigDecimal costPerAutomatedTicket,
        String currency, Instant updatedAt, String updatedBy) {

    /**
     * A fully loaded service-desk engineer at 45 an hour, 25 minutes of hands-on work per ticket (the usual range
     * for L1/L2 tickets is 15 to 40), half a unit of compute and licences per automated ticket.
     */
    public static final RoiInputs DEFAULTS = new RoiInputs(new BigDecimal("45.00"), new BigDecimal("25.00"),
            new BigDecimal("0.5000"), "EUR", null, null);
}

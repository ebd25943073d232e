package io.tierzero.sync;

import io.tierzero.integration.Connection;
import io.tierzero.integration.Connection.Side;
import io.tierzero.integration.TicketField;
import java.time.Instant;

/**
 * When both sides changed a field differently: the side the connection declares the field's owner, otherwise
 * the side that wrote last (TierZero's ticket version time against the record's last update in the system).
 */
final class WhoWins {

    private WhoWins() {
    }

    static Side of(Connection connection, TicketField field, Instant tierZeroUpdatedAt, Instant externalUpdatedAt) {
        Side owner = connection.fieldOwners().get(field);
        if (owner != null) {
            return owner;
        }
        return externalUpdatedAt != null && externalUpdatedAt.isAfter(tierZeroUpdatedAt) ? Side.EXTERNAL : Side.TIERZERO;
    }

    static String rule(Connection connection, TicketField field) {
        return connection.fieldOwners().containsKey(field)
                ? "owner of " + field.value() + " is " + connection.fieldOwners().get(field).name().toLowerCase()
                : "last writer wins";
    }
}

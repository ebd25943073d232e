package io.tierzero.sla;

import java.time.Instant;

/**
 * The follow-the-sun support centre on shift at an instant for a region, as the routing decision
 * (decisions/routing.dmn, decision support-centre) says: the centre that will handle a ticket not yet routed.
 */
public interface SupportCentreOnShift {

    String at(Instant instant, String region);
}

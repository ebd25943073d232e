package io.tierzero.incident;

import io.tierzero.ticket.ProcessStep;
import io.tierzero.ticket.TicketLifecycle;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Declares a P1 incident a major incident: the major-incident team coordinates and reviews it. */
@Service
public class MajorIncidents {

    private final TicketLifecycle lifecycle;

    public MajorIncidents(TicketLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public void declare(UUID ticketId, ProcessStep step) {
        lifecycle.change(ticketId, "incident.major-declared")
                .during(step)
                .because("Priority P1: major incident procedure started")
                .apply();
    }
}

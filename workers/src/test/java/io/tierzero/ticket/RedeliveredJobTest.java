package io.tierzero.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.Requests;
import io.tierzero.support.TicketApi;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Zeebe delivers jobs at least once: the same job handled twice changes the ticket once. */
class RedeliveredJobTest extends EmbeddedStackTest {

    @Autowired
    private TicketResolution resolution;

    @Test
    void aJobDeliveredTwiceIsAppliedOnce() {
        TicketApi api = new TicketApi(http, "demo");
        String ticketId = api.submit(Requests.passwordReset("Delivered twice"));
        api.awaitOpenTask(ticketId);
        ProcessStep sameJob = new ProcessStep(7, "reopen-request", 7001);

        resolution.reopen(UUID.fromString(ticketId), sameJob);
        resolution.reopen(UUID.fromString(ticketId), sameJob);

        JsonNode view = api.ticket(ticketId);
        assertThat(view.path("ticket").path("reopenCount").asInt()).isOne();
        assertThat(TicketApi.actions(view).stream().filter("ticket.reopened"::equals)).hasSize(1);

        resolution.reopen(UUID.fromString(ticketId), new ProcessStep(7, "reopen-request", 7002));
        assertThat(api.ticket(ticketId).path("ticket").path("reopenCount").asInt())
                .as("another job is another reopening").isEqualTo(2);
    }
}

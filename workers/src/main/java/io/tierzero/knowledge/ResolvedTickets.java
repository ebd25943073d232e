package io.tierzero.knowledge;

import io.tierzero.knowledge.retrieval.ResolvedTicket;
import io.tierzero.knowledge.retrieval.ResolvedTicketIndex;
import io.tierzero.knowledge.retrieval.TextEmbedder;
import io.tierzero.ticket.Ticket;
import java.io.IOException;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * Keeps the tickets resolved in TierZero searchable, so that later tickets find them as similar tickets. The
 * embedding model loads on the first ticket indexed, not at start.
 */
@Service
public class ResolvedTickets {

    private final ResolvedTicketIndex index;

    public ResolvedTickets(OpenSearchClient client, @Lazy TextEmbedder embedder) {
        this.index = new ResolvedTicketIndex(client, embedder);
    }

    /**
     * Adds the ticket, with how it was resolved, to the resolved-ticket index; indexing it again replaces it, so a
     * redelivered job is harmless. A ticket that is not resolved (anymore) is left out.
     *
     * @param runbookId the runbook that resolved it, null when none did
     * @return whether the ticket was indexed
     */
    public boolean indexResolved(Ticket ticket, String resolutionNotes, String runbookId) throws IOException {
        if (ticket.resolvedAt() == null) {
            return false;
        }
        index.index(new ResolvedTicket(ticket.tenantId(), ResolvedTicketIndex.RESOLVED_IN_TIERZERO,
                ticket.ticketId().toString(), ticket.subject(), ticket.body(), ticket.assignmentGroup(), runbookId,
                resolutionNotes, ticket.resolvedAt()));
        return true;
    }
}

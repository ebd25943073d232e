package io.tierzero.ticket;

import io.tierzero.tenant.Tenant;

/** The process engine as the domain sees it: each ticket lives in one process instance of its lifecycle. */
public interface TicketProcesses {

    /** Starts the ticket's lifecycle from the beginning; returns the process instance key. */
    long start(Ticket ticket, Tenant tenant);

    /** Starts a new instance of the ticket's lifecycle at the step the ticket had reached. */
    long resume(Ticket ticket, Tenant tenant, String elementId);

    /** The requester answered "did this resolve your issue?". */
    void requesterAnswered(Ticket ticket, boolean resolved);

    /** The requester finished their part of an automated action (e.g. chose a new password); outcome as the lifecycle reads it. */
    void requesterActionCompleted(Ticket ticket, String remediationOutcome);

    /** The customer replied while the ticket was pending customer. */
    void customerResponded(Ticket ticket, String reply);
}

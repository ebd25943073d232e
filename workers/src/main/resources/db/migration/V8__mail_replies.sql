-- Replies to the service desk's e-mails, read from its mailbox: each one is recorded once, by its Message-ID, so a
-- message read again (after a crash before it was marked seen, or delivered twice) changes nothing.
-- outcome: answered-yes / answered-no (an answer to "did this resolve your issue?", passed on to the ticket),
--          unclear (a reply to the question that says neither), wrong-sender (a reply to the question from another
--          address than the one it was sent to), not-a-reply (no answer to a question still waiting for one: left in
--          the mailbox, marked seen).
create table mail_replies (
    reply_message_id    text primary key,
    tenant_id           text references tenants (tenant_id),
    ticket_id           uuid references tickets (ticket_id),
    outbound_message_id uuid references outbound_messages (message_id),
    sender              text,
    subject             text,
    outcome             text not null check (outcome in ('answered-yes', 'answered-no', 'unclear', 'not-a-reply',
                                                          'wrong-sender')),
    reason              text not null,
    received_at         timestamptz not null default now()
);
create index mail_replies_by_ticket on mail_replies (ticket_id, received_at);

-- E-mail intake: every e-mail read from the service desk's mailbox, once, by its Message-ID, with what intake made
-- of it. A mail read again (after a crash before it was marked seen, or delivered twice) changes nothing. The
-- Message-IDs of a ticket's mails are part of its thread: a mail that replies to one of them is about that ticket.
-- outcome: opened-request (not in any ticket's thread: a new request), commented (in a thread: a comment on the
--          ticket), answered (the answer to "did this resolve your issue?", see mail_replies), ignored (a mail loop:
--          from the service desk's own address, or an automatic reply), no-tenant (a sender no tenant knows, and no
--          default tenant).
create table inbound_emails (
    message_id  text primary key,
    tenant_id   text references tenants (tenant_id),
    ticket_id   uuid references tickets (ticket_id),
    sender      text not null,
    subject     text not null,
    outcome     text not null check (outcome in ('opened-request', 'commented', 'answered', 'ignored', 'no-tenant')),
    reason      text not null,
    received_at timestamptz not null default now()
);
create index inbound_emails_by_ticket on inbound_emails (ticket_id, received_at);

-- Files that came with a ticket (e-mail attachments), kept in the database with the ticket they belong to. One row
-- per part of the mail it came in: reading the mail again stores nothing twice.
create table ticket_attachments (
    tenant_id         text not null references tenants (tenant_id),
    attachment_id     uuid primary key,
    ticket_id         uuid not null references tickets (ticket_id),
    source_message_id text not null,
    part_number       integer not null,
    filename          text not null,
    content_type      text not null,
    size_bytes        bigint not null check (size_bytes >= 0),
    sha256            text not null,
    content           bytea not null,
    created_at        timestamptz not null default now(),
    unique (ticket_id, source_message_id, part_number)
);
create index ticket_attachments_by_ticket on ticket_attachments (ticket_id, created_at);

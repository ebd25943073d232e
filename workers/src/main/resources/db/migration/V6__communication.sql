-- Proactive communication: the outbox of messages to requesters, and the tenants' own wording of them.

-- Every message to a requester, written in the same transaction as the ticket's "communication.queued" event and
-- sent by the dispatcher afterwards. The idempotency key makes a redelivered job enqueue nothing new.
-- state: pending (not tried yet), failed (the latest attempt failed; retried at next_attempt_at), sent,
--        dead (refused by the channel or out of attempts; retried only on request).
create table outbound_messages (
    tenant_id       text not null references tenants (tenant_id),
    message_id      uuid primary key,
    ticket_id       uuid not null references tickets (ticket_id),
    idempotency_key text not null,
    channel_kind    text not null check (channel_kind in ('email', 'slack', 'teams')),
    recipient       text not null,
    template_id     text not null,
    subject         text not null,
    body            text not null,
    state           text not null default 'pending' check (state in ('pending', 'failed', 'sent', 'dead')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    sent_at         timestamptz,
    unique (tenant_id, idempotency_key)
);
create index outbound_messages_due on outbound_messages (next_attempt_at) where state in ('pending', 'failed');
create index outbound_messages_by_state on outbound_messages (tenant_id, state, created_at);

-- A tenant's wording of a message (Mustache, like messages/<template_id>.mustache); consulted before the defaults.
create table message_templates (
    tenant_id   text not null references tenants (tenant_id),
    template_id text not null,
    subject     text not null,
    body        text not null,
    primary key (tenant_id, template_id)
);

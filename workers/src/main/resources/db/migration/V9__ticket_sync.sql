-- Ticket sync with connected ticket systems (Request Tracker, ServiceNow, Jira): see io.tierzero.sync.
-- A connection is named '<type>:<name>' (e.g. 'request-tracker:main'), as configured in tierzero.connections.

-- A TierZero ticket and its record in a connected system. synced_values holds the field values both sides
-- agreed on at the last sync, as JSON: a side whose value differs from it changed that field since.
create table sync_links (
    tenant_id           text not null references tenants (tenant_id),
    connection_id       text not null,
    ticket_id           uuid not null references tickets (ticket_id),
    external_id         text not null,
    external_version    text,
    external_updated_at timestamptz,
    synced_values       text not null,
    linked_at           timestamptz not null default now(),
    synced_at           timestamptz not null default now(),
    primary key (tenant_id, connection_id, ticket_id),
    unique (tenant_id, connection_id, external_id)
);

-- Comments already carried across, either way, so none is applied twice or sent back where it came from.
create table sync_comments (
    tenant_id       text not null references tenants (tenant_id),
    connection_id   text not null,
    comment_key     text not null,
    ticket_id       uuid not null references tickets (ticket_id),
    direction       text not null check (direction in ('inbound', 'outbound')),
    recorded_at     timestamptz not null default now(),
    primary key (tenant_id, connection_id, comment_key)
);

-- Per connection: the last audit event turned into outbound updates, and where the next poll starts.
create table sync_cursors (
    tenant_id           text not null references tenants (tenant_id),
    connection_id       text not null,
    last_event_sequence bigint not null default 0,
    poll_watermark      timestamptz,
    primary key (tenant_id, connection_id)
);

-- The outbound updates still to send, sent or given up on (dead: visible and retryable through the API). Rows are
-- made from the audit trail in the transaction that advances the cursor, so a crash never loses one.
create table sync_outbox (
    update_id       bigserial primary key,
    tenant_id       text not null references tenants (tenant_id),
    connection_id   text not null,
    ticket_id       uuid not null references tickets (ticket_id),
    event_sequence  bigint not null,
    kind            text not null check (kind in ('create', 'update', 'comment')),
    comment         text,
    public_reply    boolean not null default false,
    state           text not null default 'pending' check (state in ('pending', 'sent', 'dead')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    unique (tenant_id, connection_id, event_sequence, kind)
);
create index sync_outbox_due on sync_outbox (next_attempt_at) where state = 'pending';
create index sync_outbox_by_ticket on sync_outbox (ticket_id, update_id);

-- What reconciliation found different between TierZero and a connected system, and how it was repaired.
-- kind: missing-external (linked record gone), missing-in-tierzero (a record in scope TierZero never saw),
--       field-differs (one side changed a field the other did not get), conflict (both changed it).
create table sync_drift (
    drift_id        bigserial primary key,
    tenant_id       text not null references tenants (tenant_id),
    connection_id   text not null,
    run_id          uuid not null,
    ticket_id       uuid references tickets (ticket_id),
    external_id     text,
    kind            text not null check (kind in ('missing-external', 'missing-in-tierzero', 'field-differs', 'conflict')),
    field           text,
    tierzero_value  text,
    external_value  text,
    repair          text not null,
    found_at        timestamptz not null default now()
);
create index sync_drift_by_connection on sync_drift (tenant_id, connection_id, found_at);

-- TierZero service desk schema. Every row carries tenant_id from the start.

create table tenants (
    tenant_id                text primary key check (tenant_id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name                     text not null,
    service_tier             text not null check (service_tier in ('gold', 'silver', 'bronze')),
    region                   text not null check (region in ('emea', 'amer', 'apac')),
    time_zone                text not null default 'UTC',
    automation_threshold     numeric(3, 2) not null default 0.80 check (automation_threshold between 0 and 1),
    confirmation_period      interval not null default interval '72 hours',
    customer_response_period interval not null default interval '120 hours',
    next_ticket_number       bigint not null default 1,
    created_at               timestamptz not null default now()
);

-- The canonical request: whatever channel it came from, a ticket looks like this.
create table tickets (
    tenant_id            text not null references tenants (tenant_id),
    ticket_id            uuid primary key,
    reference_number     text not null unique,
    kind                 text not null check (kind in ('service_request', 'incident')),
    channel              text not null check (channel in ('portal', 'email', 'chat', 'phone', 'api', 'monitoring')),
    requester_id         text not null,
    requester_name       text,
    requester_email      text,
    region               text not null check (region in ('emea', 'amer', 'apac')),
    subject              text not null,
    body                 text not null,
    entities             jsonb not null default '[]'::jsonb,
    ticket_type          text,
    category             text,
    category_confidence  numeric(5, 4),
    impact               text not null check (impact in ('high', 'medium', 'low')),
    urgency              text not null check (urgency in ('high', 'medium', 'low')),
    priority             text check (priority in ('P1', 'P2', 'P3', 'P4', 'P5')),
    assignment_group     text,
    support_centre       text,
    support_tier         smallint not null default 1 check (support_tier between 1 and 3),
    state                text not null check (state in ('new', 'assigned', 'in_progress', 'pending_customer', 'resolved', 'closed')),
    reopen_count         integer not null default 0,
    response_due_at      timestamptz,
    resolution_due_at    timestamptz,
    sla_warning_at       timestamptz,
    sla_paused_at        timestamptz,
    sla_warned_at        timestamptz,
    sla_breached         boolean not null default false,
    shift_ends_at        timestamptz,
    process_instance_key bigint,
    process_element_id   text,
    process_generation   integer not null default 0,
    version              integer not null default 0,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    resolved_at          timestamptz,
    closed_at            timestamptz
);
create index tickets_open_by_tenant on tickets (tenant_id, state) where state <> 'closed';

create table ticket_external_refs (
    tenant_id   text not null references tenants (tenant_id),
    ticket_id   uuid not null references tickets (ticket_id),
    system      text not null,
    external_id text not null,
    primary key (tenant_id, system, external_id)
);

-- A retried POST with the same Idempotency-Key returns the ticket it created the first time.
create table request_idempotency_keys (
    tenant_id       text not null references tenants (tenant_id),
    idempotency_key text not null,
    request_digest  text not null,
    ticket_id       uuid not null references tickets (ticket_id),
    created_at      timestamptz not null default now(),
    primary key (tenant_id, idempotency_key)
);

-- The audit trail: one immutable row per ITIL state transition and per automated or human action,
-- chained per tenant with SHA-256 (hash = sha256(previous_hash + canonical row)).
create table ticket_events (
    tenant_id            text not null references tenants (tenant_id),
    sequence_number      bigint not null,
    event_id             uuid not null unique,
    ticket_id            uuid references tickets (ticket_id),
    occurred_at          timestamptz not null,
    event_type           text not null check (event_type in ('state_transition', 'action')),
    action               text not null,
    from_state           text,
    to_state             text,
    actor_kind           text not null check (actor_kind in ('system', 'automation', 'human', 'integration')),
    actor_id             text not null,
    reason               text,
    process_instance_key bigint,
    bpmn_element_id      text,
    idempotency_key      text,
    payload              text not null,
    payload_digest       text not null,
    previous_hash        text not null,
    hash                 text not null,
    primary key (tenant_id, sequence_number)
);
create index ticket_events_by_ticket on ticket_events (ticket_id, sequence_number);
create unique index ticket_events_once on ticket_events (tenant_id, idempotency_key) where idempotency_key is not null;

create table audit_chain_heads (
    tenant_id       text primary key references tenants (tenant_id),
    sequence_number bigint not null,
    hash            text not null
);

create function refuse_audit_change() returns trigger language plpgsql as
$$
begin
    raise exception 'ticket_events is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger ticket_events_append_only
    before update or delete on ticket_events
    for each row execute function refuse_audit_change();
create trigger ticket_events_no_truncate
    before truncate on ticket_events
    for each statement execute function refuse_audit_change();

-- Human tasks: the app activates the job-based user tasks and keeps them here, so agents work without Tasklist.
create table human_tasks (
    tenant_id            text not null references tenants (tenant_id),
    task_id              uuid primary key,
    ticket_id            uuid not null references tickets (ticket_id),
    element_id           text not null,
    name                 text not null,
    candidate_group      text,
    form_id              text,
    job_key              bigint not null,
    process_instance_key bigint not null,
    state                text not null check (state in ('open', 'claimed', 'completed', 'cancelled')),
    assignee             text,
    outcome              jsonb,
    created_at           timestamptz not null default now(),
    claimed_at           timestamptz,
    ended_at             timestamptz
);
create unique index human_tasks_one_active_per_step on human_tasks (ticket_id, element_id) where state in ('open', 'claimed');
create index human_tasks_queue on human_tasks (tenant_id, candidate_group, state);

-- Reference data per tenant: categories, support groups, sites, configuration items, ...
create table reference_data (
    tenant_id  text not null references tenants (tenant_id),
    kind       text not null,
    code       text not null,
    label      text not null,
    attributes jsonb not null default '{}'::jsonb,
    primary key (tenant_id, kind, code)
);

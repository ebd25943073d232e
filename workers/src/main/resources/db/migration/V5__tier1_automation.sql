-- Tier-1 automation: the per-tenant controls, the requester's registered channels and second factors, playbook
-- executions, and the one-time links sent to requesters.

-- Kill switch: false stops every playbook of the tenant at once (tickets go to people instead).
alter table tenants add column automation_enabled boolean not null default true;
-- dry-run: playbooks check their inputs and record what they would do, change nothing, and hand the ticket to a person.
alter table tenants add column automation_mode text not null default 'live' check (automation_mode in ('live', 'dry-run'));

-- Where a requester can be reached. Only verified channels carry one-time links and codes.
create table requester_channels (
    tenant_id    text not null references tenants (tenant_id),
    requester_id text not null,
    kind         text not null check (kind in ('email', 'slack', 'teams')),
    address      text not null,
    preferred    boolean not null default false,
    verified_at  timestamptz,
    primary key (tenant_id, requester_id, kind)
);

-- Second factors enrolled by requesters: the TOTP secret, encrypted with the app's key (keys/secrets.json).
create table requester_factors (
    tenant_id         text not null references tenants (tenant_id),
    requester_id      text not null,
    kind              text not null check (kind in ('totp')),
    secret_ciphertext bytea not null,
    enrolled_at       timestamptz not null default now(),
    enrolled_by       text not null,
    -- the last time step whose code was accepted: a code is good once
    last_used_step    bigint not null default 0,
    primary key (tenant_id, requester_id, kind)
);

-- One run of a playbook for a ticket. A job delivered twice finds its execution by the idempotency key.
create table playbook_executions (
    tenant_id        text not null references tenants (tenant_id),
    execution_id     uuid primary key,
    ticket_id        uuid not null references tickets (ticket_id),
    idempotency_key  text not null unique,
    playbook_id      text not null,
    playbook_version text not null,
    runbook_id       text not null,
    mode             text not null check (mode in ('live', 'dry-run')),
    state            text not null check (state in ('running', 'awaiting-requester', 'succeeded', 'failed', 'rolled-back', 'dry-run')),
    inputs           jsonb not null,
    input_digest     text not null,
    result           jsonb,
    -- the requester's answer to "did this resolve your issue?" after the run: the runbook's success statistics
    requester_confirmed boolean,
    started_at       timestamptz not null default now(),
    ended_at         timestamptz
);
create index playbook_executions_by_ticket on playbook_executions (ticket_id, started_at);

-- One-time links and codes sent to requesters (password reset): only a digest of the secret is kept.
create table one_time_secrets (
    tenant_id     text not null references tenants (tenant_id),
    secret_id     uuid primary key,
    ticket_id     uuid not null references tickets (ticket_id),
    execution_id  uuid not null references playbook_executions (execution_id),
    purpose       text not null,
    secret_digest text not null,
    expires_at    timestamptz not null,
    failed_attempts integer not null default 0,
    used_at       timestamptz
);

-- The runbook the find-runbooks step settled on (model and retrieval combined): what the agent is pointed to.
alter table tickets add column runbook_id text;

-- Configuration items: the requesters' devices and the software on them, the tenant's servers and applications.
-- Filled by hand, from the demo data, or by the CMDB synchronisation.
create table configuration_items (
    tenant_id  text not null references tenants (tenant_id),
    ci_id      text not null,
    kind       text not null check (kind in ('laptop', 'desktop', 'mobile', 'printer', 'server', 'application', 'network')),
    name       text not null,
    owner_id   text,
    site       text,
    os         text,
    model      text,
    software   jsonb not null default '[]'::jsonb,
    attributes jsonb not null default '{}'::jsonb,
    primary key (tenant_id, ci_id)
);
create index configuration_items_by_owner on configuration_items (tenant_id, owner_id);

create table configuration_item_changes (
    tenant_id  text not null references tenants (tenant_id),
    ci_id      text not null,
    changed_at timestamptz not null,
    change_ref text,
    summary    text not null,
    foreign key (tenant_id, ci_id) references configuration_items (tenant_id, ci_id)
);
create index configuration_item_changes_by_ci on configuration_item_changes (tenant_id, ci_id, changed_at);

-- The briefing built for each escalation to people: kept as built, for the agent, the API and the auditor.
create table escalation_packages (
    tenant_id  text not null references tenants (tenant_id),
    ticket_id  uuid not null references tickets (ticket_id),
    -- the job of the step that built it: a redelivered job finds its package
    job_key    bigint not null,
    built_at   timestamptz not null default now(),
    content    jsonb not null,
    primary key (ticket_id, job_key)
);

-- What access can be granted automatically: each resource (shared mailbox, file share, application role) is a
-- directory group; some need a licence from a pool; sensitive ones need the security team's approval.
create table access_catalogue (
    tenant_id    text not null references tenants (tenant_id),
    resource_id  text not null,
    kind         text not null check (kind in ('mailbox', 'file-share', 'application-role')),
    name         text not null,
    -- words in a request that name this resource (lower case)
    aliases      text[] not null default '{}',
    group_dn     text not null,
    licence_pool text,
    sensitive    boolean not null default false,
    primary key (tenant_id, resource_id)
);

create table licence_pools (
    tenant_id text not null references tenants (tenant_id),
    pool_id   text not null,
    product   text not null,
    seats     integer not null check (seats >= 0),
    primary key (tenant_id, pool_id)
);

-- A seat is reserved before access is granted, kept when it is verified, released when the grant is rolled back.
create table licence_assignments (
    tenant_id    text not null,
    pool_id      text not null,
    holder_id    text not null,
    execution_id uuid not null references playbook_executions (execution_id),
    state        text not null check (state in ('reserved', 'assigned', 'released')),
    changed_at   timestamptz not null default now(),
    primary key (tenant_id, pool_id, holder_id),
    foreign key (tenant_id, pool_id) references licence_pools (tenant_id, pool_id)
);

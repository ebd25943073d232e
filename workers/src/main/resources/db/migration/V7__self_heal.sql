-- Self-heal for alerts: the hosts TierZero may run allow-listed commands on, the job register of reruns, and
-- every remote action taken (the tenant's blast-radius limit counts them; a job run is rerun at most once).

-- At most this many self-heal actions (disk cleanups, job reruns) per tenant in any hour; 0 turns self-heal off.
alter table tenants add column self_heal_actions_per_hour integer not null default 10
    check (self_heal_actions_per_hour >= 0);

-- Hosts in the self-heal allow-list. Credentials are not stored here: they come from the configuration
-- (tierzero.self-heal.credentials.<tenant>).
create table self_heal_hosts (
    tenant_id            text not null references tenants (tenant_id),
    -- the name monitoring alerts use
    host                 text not null,
    -- where TierZero connects over SSH (DNS name or IP address)
    address              text not null,
    port                 integer not null default 22 check (port between 1 and 65535),
    os                   text not null check (os in ('linux')),
    role                 text not null,
    -- a profile of tierzero.self-heal.cleanup-profiles; null: the host's disks are never cleaned automatically
    cleanup_profile      text,
    ssh_user             text not null,
    -- the host key TierZero accepts, as OpenSSH prints it: SHA256:<base64>
    host_key_fingerprint text not null check (host_key_fingerprint like 'SHA256:%'),
    primary key (tenant_id, host)
);

-- The job register: jobs that may be rerun once automatically, and the allow-listed command that reruns them.
create table self_heal_jobs (
    tenant_id      text not null references tenants (tenant_id),
    scheduler      text not null,
    job_name       text not null,
    host           text not null,
    owner          text not null,
    rerunnable     boolean not null default false,
    idempotent     boolean not null default false,
    -- the allow-listed command template (cron-wrapper, control-m, autosys) and the wrapper script for cron jobs
    rerun_command  text not null,
    wrapper_path   text,
    foreign key (tenant_id, host) references self_heal_hosts (tenant_id, host),
    primary key (tenant_id, scheduler, job_name)
);

-- One remote action per playbook execution. A job run's target is unique: it is rerun at most once, whatever
-- alert or ticket asks again.
create table self_heal_actions (
    execution_id uuid primary key references playbook_executions (execution_id),
    tenant_id    text not null references tenants (tenant_id),
    kind         text not null check (kind in ('disk-cleanup', 'job-rerun')),
    target       text not null,
    state        text not null check (state in ('started', 'ended')),
    details      jsonb not null default '{}'::jsonb,
    started_at   timestamptz not null default now(),
    ended_at     timestamptz
);
create index self_heal_actions_by_tenant on self_heal_actions (tenant_id, started_at);
create unique index self_heal_job_reruns_once on self_heal_actions (tenant_id, target) where kind = 'job-rerun';

-- How a tenant uses the triage model: 'active' acts on its predictions; 'shadow' records them without acting
-- (tickets keep the requester's category and go to a person), for a parallel run before going live.
alter table tenants
    add column triage_mode text not null default 'active' check (triage_mode in ('active', 'shadow'));

-- Every prediction of the triage model, one row per ticket and model version (a redelivered job adds nothing),
-- and, once known, what humans did with the ticket: the ground truth for the drift and shadow reports.
create table triage_predictions (
    tenant_id           text not null references tenants (tenant_id),
    ticket_id           uuid not null references tickets (ticket_id),
    model_version       text not null,
    predicted_group     text not null,
    group_confidence    numeric(5, 4) not null,
    top_groups          jsonb not null default '[]'::jsonb,
    predicted_runbook   text,
    runbook_confidence  numeric(5, 4),
    top_runbooks        jsonb not null default '[]'::jsonb,
    -- the automation-eligibility decision on the model's prediction: taken when active, would-have-been in shadow
    automation_decision text not null check (automation_decision in ('automate', 'assist', 'human')),
    shadow              boolean not null,
    predicted_at        timestamptz not null,
    actual_group        text,
    actual_runbook      text,
    requester_confirmed boolean,
    outcome_at          timestamptz,
    outcome_source      text check (outcome_source in ('agent', 'requester', 'reassignment')),
    primary key (ticket_id, model_version)
);
create index triage_predictions_by_tenant on triage_predictions (tenant_id, model_version, predicted_at);

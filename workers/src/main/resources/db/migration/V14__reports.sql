-- What a tenant's engineers cost, for the ROI report. A tenant without a row gets the documented defaults
-- (io.tierzero.reports.RoiInputs.DEFAULTS); every change is in the tenant's audit trail.
create table report_roi_inputs (
    tenant_id                 text primary key references tenants (tenant_id),
    hourly_cost               numeric(12, 2) not null check (hourly_cost > 0),
    handling_minutes          numeric(8, 2) not null check (handling_minutes > 0),
    cost_per_automated_ticket numeric(12, 4) not null check (cost_per_automated_ticket >= 0),
    currency                  text not null check (currency ~ '^[A-Z]{3}$'),
    updated_at                timestamptz not null default now(),
    updated_by                text not null
);

-- The reports select tickets by creation or resolution time and look up each ticket's tasks.
create index tickets_by_tenant_created on tickets (tenant_id, created_at);
create index tickets_by_tenant_resolved on tickets (tenant_id, resolved_at) where resolved_at is not null;
create index human_tasks_by_ticket on human_tasks (ticket_id);

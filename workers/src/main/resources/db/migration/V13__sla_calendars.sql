-- The SLA engine: which clock and calendar a ticket's targets follow, what is left of each target while the ticket
-- waits for the customer, and whether the first response and the resolution met their due times.
alter table tickets
    add column sla_clock                    text check (sla_clock in ('business-hours', '24x7')),
    add column sla_calendar                 text,
    add column sla_started_at               timestamptz,
    add column response_target_minutes      integer,
    add column resolution_target_minutes    integer,
    -- business time left until each due time when the clock was paused; null while running or when already past
    add column response_remaining_seconds   bigint,
    add column warning_remaining_seconds    bigint,
    add column resolution_remaining_seconds bigint,
    add column sla_paused_seconds           bigint not null default 0,
    add column responded_at                 timestamptz,
    -- the first resolution, which the verdict judges (resolved_at is cleared when the ticket is reopened)
    add column first_resolved_at            timestamptz,
    -- null until known
    add column response_met                 boolean,
    add column resolution_met               boolean;

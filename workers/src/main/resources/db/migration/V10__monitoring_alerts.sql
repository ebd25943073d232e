-- Monitoring alerts (Prometheus Alertmanager, Zabbix, Datadog webhooks) and the incidents they open. An alert is
-- known by its source's fingerprint: a repeated alert updates its incident, a resolved one annotates it. New alerts
-- on the configuration item of an incident opened within the storm window join that incident instead of opening
-- their own.

-- One incident opened from monitoring and the alerts it groups. Intake stores the ticket with intake_request and
-- intake_key, so submitting it again (after a crash before ticket_id was filled in) returns the same ticket.
create table monitoring_incidents (
    incident_id           uuid primary key,
    tenant_id             text not null references tenants (tenant_id),
    -- null only until intake has stored the ticket
    ticket_id             uuid unique references tickets (ticket_id),
    -- the host or service the alerts are about; null when the opening alert named none (it then groups no storm)
    configuration_item    text,
    -- the alert that opened it
    opened_by_source      text not null,
    opened_by_fingerprint text not null,
    intake_key            text not null,
    intake_request        jsonb not null,
    -- the incident the opening alert had before (it fired again after that one was resolved or closed)
    previous_ticket_id    uuid references tickets (ticket_id),
    alert_count           integer not null default 0,
    -- when its last firing alert resolved; cleared when one fires again
    all_resolved_at       timestamptz,
    opened_at             timestamptz not null,
    unique (tenant_id, intake_key)
);
create index monitoring_incidents_by_item on monitoring_incidents (tenant_id, configuration_item, opened_at);
create index monitoring_incidents_by_opener on monitoring_incidents (tenant_id, opened_by_source, opened_by_fingerprint);

-- An alert as part of one incident: the same fingerprint has a row per incident it fired in (it fired again after
-- its incident was resolved or closed).
create table monitoring_alerts (
    alert_id           uuid primary key,
    tenant_id          text not null references tenants (tenant_id),
    incident_id        uuid not null references monitoring_incidents (incident_id),
    source             text not null check (source in ('alertmanager', 'zabbix', 'datadog')),
    fingerprint        text not null,
    status             text not null check (status in ('firing', 'resolved')),
    alert_name         text not null,
    severity           text not null check (severity in ('critical', 'warning', 'info')),
    summary            text,
    description        text,
    configuration_item text,
    labels             jsonb not null default '{}'::jsonb,
    starts_at          timestamptz,
    ends_at            timestamptz,
    source_url         text,
    -- false: attached to the incident of another alert on the same configuration item (storm correlation)
    opened_incident    boolean not null,
    -- firing deliveries after the first; only some are written to the audit trail (repeat_recorded_at)
    repeat_count       integer not null default 0,
    first_seen_at      timestamptz not null,
    last_seen_at       timestamptz not null,
    repeat_recorded_at timestamptz,
    unique (tenant_id, source, fingerprint, incident_id)
);
create index monitoring_alerts_by_fingerprint on monitoring_alerts (tenant_id, source, fingerprint);
create index monitoring_alerts_by_state on monitoring_alerts (tenant_id, status, last_seen_at);
create index monitoring_alerts_by_incident on monitoring_alerts (incident_id);

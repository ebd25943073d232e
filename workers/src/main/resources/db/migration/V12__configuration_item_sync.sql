-- Configuration items kept in step with a connected CMDB (RT assets, the ServiceNow CMDB): see io.tierzero.sync.
-- origin says which side created the item, and so whose values win when both differ: an item imported from the
-- CMDB follows the CMDB, an item TierZero exported follows TierZero.
create table configuration_item_links (
    tenant_id     text not null references tenants (tenant_id),
    connection_id text not null,
    ci_id         text not null,
    external_id   text not null,
    origin        text not null check (origin in ('tierzero', 'external')),
    synced_values text not null,
    linked_at     timestamptz not null default now(),
    synced_at     timestamptz not null default now(),
    primary key (tenant_id, connection_id, ci_id),
    unique (tenant_id, connection_id, external_id),
    foreign key (tenant_id, ci_id) references configuration_items (tenant_id, ci_id)
);

-- The configuration items a ticket is about (the devices, servers or applications it names), and who said so.
create table ticket_configuration_items (
    tenant_id  text not null references tenants (tenant_id),
    ticket_id  uuid not null references tickets (ticket_id),
    ci_id      text not null,
    source     text not null,
    linked_at  timestamptz not null default now(),
    primary key (ticket_id, ci_id),
    foreign key (tenant_id, ci_id) references configuration_items (tenant_id, ci_id)
);

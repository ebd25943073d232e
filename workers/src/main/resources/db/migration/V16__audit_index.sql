-- How far each tenant's audit trail is copied into the OpenSearch audit index that compliance users search.
-- The trail in PostgreSQL stays the record (and what the chain check reads); the index is rebuilt from it.
create table audit_index_cursors (
    tenant_id     text primary key references tenants (tenant_id),
    last_sequence bigint not null default 0,
    indexed_at    timestamptz
);

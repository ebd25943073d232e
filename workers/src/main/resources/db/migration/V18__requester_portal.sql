-- The self-service portal lists a requester's tickets, newest first.
create index tickets_by_requester on tickets (tenant_id, requester_id, created_at desc);

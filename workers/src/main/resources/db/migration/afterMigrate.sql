-- After every migration: the application's role, where it exists, gets what the application needs and no more.
-- It is neither superuser nor owner, so it can neither disable the audit trail's triggers nor bypass them;
-- on ticket_events it may only read and append. (The embedded default creates the role; on an external
-- PostgreSQL create it yourself, see docker/README.md.)
do
$$
begin
    if exists (select 1 from pg_roles where rolname = 'tierzero_app') then
        grant usage on schema public to tierzero_app;
        grant select, insert, update, delete on all tables in schema public to tierzero_app;
        grant usage, select on all sequences in schema public to tierzero_app;
        revoke update, delete, truncate on ticket_events from tierzero_app;
        revoke insert, update, delete, truncate on flyway_schema_history from tierzero_app;
    end if;
end
$$;

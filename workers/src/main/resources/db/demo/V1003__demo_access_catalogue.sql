-- The demo tenant's grantable access (groups in the embedded directory, directory/demo.ldif) and a licence pool.
insert into licence_pools (tenant_id, pool_id, product, seats) values
    ('demo', 'power-bi-pro', 'Power BI Pro', 2)
on conflict do nothing;

insert into access_catalogue (tenant_id, resource_id, kind, name, aliases, group_dn, licence_pool, sensitive) values
    ('demo', 'finance-mailbox', 'mailbox', 'Finance shared mailbox', '{"finance mailbox", "finance shared mailbox", "finance@"}',
     'cn=finance-mailbox,ou=groups,dc=demo,dc=example', null, false),
    ('demo', 'hr-share', 'file-share', 'HR file share', '{"hr share", "hr folder", "\\\\files\\hr"}',
     'cn=hr-share,ou=groups,dc=demo,dc=example', null, true),
    ('demo', 'power-bi-reporting', 'application-role', 'Power BI reporting', '{"power bi", "powerbi"}',
     'cn=power-bi-reporting,ou=groups,dc=demo,dc=example', 'power-bi-pro', false)
on conflict do nothing;

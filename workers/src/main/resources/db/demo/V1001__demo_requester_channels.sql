-- The demo requesters' registered e-mail addresses (verified) on the embedded mail server; their accounts are in the
-- embedded directory (directory/demo.ldif).
insert into reference_data (tenant_id, kind, code, label, attributes) values
    ('demo', 'requester', 'maria.costa', 'Maria Costa', '{"email": "maria.costa@demo.example", "site": "lis-hq", "region": "emea"}')
on conflict do nothing;

insert into requester_channels (tenant_id, requester_id, kind, address, preferred, verified_at) values
    ('demo', 'ana.silva', 'email', 'ana.silva@demo.example', true, now()),
    ('demo', 'joao.pereira', 'email', 'joao.pereira@demo.example', true, now()),
    ('demo', 'maria.costa', 'email', 'maria.costa@demo.example', true, now())
on conflict do nothing;

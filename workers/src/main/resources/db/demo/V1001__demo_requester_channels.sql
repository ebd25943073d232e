-- The demo requesters' registered e-mail addresses (verified) on the embedded mail server; their accounts are in the
-- embedded directory (directory/demo.ldif).
insert into requester_channels (tenant_id, requester_id, kind, address, preferred, verified_at) values
    ('demo', 'ana.silva', 'email', 'ana.silva@demo.example', true, now()),
    ('demo', 'joao.pereira', 'email', 'joao.pereira@demo.example', true, now())
on conflict do nothing;

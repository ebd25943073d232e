-- The demo tenant of the embedded default (location db/demo is only used when tierzero.demo-data is on).
insert into tenants (tenant_id, name, service_tier, region, time_zone)
values ('demo', 'Demo Client Ltd', 'silver', 'emea', 'Europe/Lisbon')
on conflict do nothing;

insert into reference_data (tenant_id, kind, code, label, attributes) values
    ('demo', 'category', 'identity', 'Identity and passwords', '{"examples": ["password reset", "account locked", "MFA re-enrolment"]}'),
    ('demo', 'category', 'access', 'Access requests', '{"examples": ["shared mailbox", "file share", "application role"]}'),
    ('demo', 'category', 'network', 'Network and VPN', '{"examples": ["VPN will not connect", "Wi-Fi drops"]}'),
    ('demo', 'category', 'end-user', 'End-user devices and software', '{"examples": ["printer offline", "laptop slow", "install software"]}'),
    ('demo', 'category', 'infrastructure', 'Servers and jobs', '{"examples": ["disk full", "backup job failed"]}'),
    ('demo', 'support-centre', 'emea-lisbon', 'Lisbon service desk', '{"shiftUtc": "07:00-15:00"}'),
    ('demo', 'support-centre', 'amer-austin', 'Austin service desk', '{"shiftUtc": "15:00-23:00"}'),
    ('demo', 'support-centre', 'apac-manila', 'Manila service desk', '{"shiftUtc": "23:00-07:00"}'),
    ('demo', 'site', 'lis-hq', 'Lisbon head office', '{"printers": ["HP LaserJet M507"], "vpn": "GlobalProtect"}'),
    ('demo', 'site', 'opo-branch', 'Porto branch', '{"printers": ["Brother HL-L6400DW"], "vpn": "GlobalProtect"}'),
    ('demo', 'requester', 'ana.silva', 'Ana Silva', '{"email": "ana.silva@demo.example", "site": "lis-hq", "region": "emea"}'),
    ('demo', 'requester', 'joao.pereira', 'João Pereira', '{"email": "joao.pereira@demo.example", "site": "opo-branch", "region": "emea"}')
on conflict do nothing;

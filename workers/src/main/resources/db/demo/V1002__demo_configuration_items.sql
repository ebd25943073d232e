-- The demo requesters' devices and recent changes (escalation packages show them as the requester's system profile).
insert into configuration_items (tenant_id, ci_id, kind, name, owner_id, site, os, model, software) values
    ('demo', 'LT-0142', 'laptop', 'LIS-LT-0142', 'ana.silva', 'lis-hq', 'Windows 11 Enterprise 24H2', 'Lenovo ThinkPad T14 Gen 4',
     '[{"name": "Microsoft 365 Apps", "version": "2410"}, {"name": "GlobalProtect", "version": "6.2.1"}, {"name": "SAP GUI", "version": "8.00"}]'),
    ('demo', 'MB-0077', 'mobile', 'Ana Silva iPhone', 'ana.silva', 'lis-hq', 'iOS 18.1', 'iPhone 15',
     '[{"name": "Microsoft Authenticator", "version": "6.8"}, {"name": "Outlook", "version": "4.2440"}]'),
    ('demo', 'LT-0219', 'laptop', 'OPO-LT-0219', 'joao.pereira', 'opo-branch', 'Windows 10 Enterprise 22H2', 'Dell Latitude 5430',
     '[{"name": "Microsoft 365 Apps", "version": "2408"}, {"name": "GlobalProtect", "version": "6.1.4"}]'),
    ('demo', 'DT-0031', 'desktop', 'LIS-DT-0031', 'maria.costa', 'lis-hq', 'Windows 11 Enterprise 23H2', 'HP EliteDesk 800 G9',
     '[{"name": "Microsoft 365 Apps", "version": "2410"}]'),
    ('demo', 'PR-0042', 'printer', 'PRN-0042', null, 'lis-hq', null, 'HP LaserJet M507', '[]')
on conflict do nothing;

insert into configuration_item_changes (tenant_id, ci_id, changed_at, change_ref, summary) values
    ('demo', 'LT-0142', now() - interval '2 days', 'CHG-1041', 'GlobalProtect upgraded from 6.1.4 to 6.2.1'),
    ('demo', 'LT-0142', now() - interval '9 days', 'CHG-1017', 'Windows cumulative update 2026-11'),
    ('demo', 'DT-0031', now() - interval '1 day', 'CHG-1043', 'Password policy: lockout after 5 failed sign-ins');

-- Automation is decided on the runbook's calibrated confidence. In 5-fold cross-validation on the dev tickets a
-- threshold of 0.80 automated at 95% precision, 0.90 at 97%: the default becomes 0.90. Tenants still on the old
-- default (nobody chose it: it was the column default) move with it; a tenant that chose another value keeps it.
alter table tenants alter column automation_threshold set default 0.90;
update tenants set automation_threshold = 0.90 where automation_threshold = 0.80;

-- The process variables a task's form shows (those its fields and texts name), as the engine handed them with the
-- user-task job: the console renders the form with them, as Tasklist does on a cluster.
alter table human_tasks add column form_input jsonb not null default '{}'::jsonb;

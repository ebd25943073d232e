-- The registry of trained triage models. The artifact (the zipped model folder) is stored here so that every
-- app replica loads the same model from the database. At most one model is active, for every tenant.
create table triage_models (
    version              text primary key,
    created_at           timestamptz not null default now(),
    trained_at           timestamptz,
    training_data_sha256 text,
    label_column         text not null,
    metrics              jsonb not null default '{}'::jsonb,
    artifact             bytea not null,
    artifact_sha256      text not null unique,
    active               boolean not null default false,
    activated_at         timestamptz,
    activated_by         text
);
create unique index triage_models_one_active on triage_models (active) where active;

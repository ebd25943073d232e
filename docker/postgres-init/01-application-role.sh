#!/bin/bash
# Runs once, when the PostgreSQL volume is first initialised: the application's own login. The schema belongs to
# POSTGRES_USER (TierZero's migrations run as that user); after each migration TierZero grants this role what the
# application needs, and on the audit trail only read and append (workers/src/main/resources/db/migration/afterMigrate.sql).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$TIERZERO_APP_DB_PASSWORD" <<'SQL'
create role tierzero_app login password :'app_password';
SQL

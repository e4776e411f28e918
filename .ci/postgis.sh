#!/usr/bin/env bash
# Makes a local PostgreSQL 15 + PostGIS 3 ready for tests and prints its DATABASE_URL.
# Installs Debian's postgresql-15-postgis-3 when missing, starts the cluster, creates a
# role and a database with PostGIS. Idempotent; safe to run on a developer machine.
set -euo pipefail
DB_NAME=${1:-gridwarden_test}
DB_USER=gridwarden
DB_PASS=gridwarden
export DEBIAN_FRONTEND=noninteractive
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
  echo "installing postgresql-15-postgis-3 …" >&2
  as_root apt-get update -qq >&2
  as_root apt-get install -y -qq postgresql-15 postgresql-15-postgis-3 >&2
fi
if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 \+main'; then
  as_root pg_createcluster 15 main >&2
fi
if ! pg_lsclusters -h | grep '^15 \+main' | grep -q online; then
  as_root pg_ctlcluster 15 main start >&2
fi
psql_admin() { as_root su postgres -c "psql -v ON_ERROR_STOP=1 -qAt $*"; }
for _ in $(seq 1 30); do psql_admin "-c 'select 1'" >/dev/null 2>&1 && break; sleep 1; done
psql_admin "-c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN CREATE ROLE $DB_USER LOGIN SUPERUSER PASSWORD '$DB_PASS'; END IF; END \\\$\\\$\"" >&2
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'\"")" != 1 ]; then
  psql_admin "-c 'CREATE DATABASE $DB_NAME OWNER $DB_USER'" >&2
fi
psql_admin "-d $DB_NAME -c 'CREATE EXTENSION IF NOT EXISTS postgis'" >&2
echo "postgres://$DB_USER:$DB_PASS@127.0.0.1:5432/$DB_NAME"

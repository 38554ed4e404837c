#!/bin/sh
# The migration task's command: bring the database roles up to date, then run strata with the given arguments.
#
#   strata-migrate up --migrations-dir /app/db/migrations [--phase pre|post]
#
# When DB_ADMIN_USER is set (on ECS it is injected from the RDS master secret, with the other variables below),
# deploy/sql/bootstrap-roles.sql runs first, as that user: it creates the migration and application roles if they
# are missing and sets their grants, default privileges and passwords (from their secrets) again. It is idempotent,
# so it runs before every migration; a fresh database gets its roles without a manual step. strata then runs as the
# migration role (DB_SECRET), without the master user's credentials in its environment.
# Without DB_ADMIN_USER (a local `docker run` with DATABASE_URL) strata runs alone.
#
# Variables for the bootstrap: DB_HOST, DB_PORT (default 5432), DB_NAME, DB_ADMIN_USER, DB_ADMIN_PASSWORD,
# DB_MIGRATOR_ROLE, DB_MIGRATOR_PASSWORD, DB_APP_ROLE, DB_APP_PASSWORD; DB_SCHEMA (default public);
# STRATA_BOOTSTRAP_SQL names the script (default: beside this one's installed copy); STRATA_HISTORY_TABLE, when set
# for strata, also tells the bootstrap which history table to keep read-only for the app. The passwords reach psql
# through its environment, never its command line.
#
# Exit codes are strata's (docs/exit-codes.md), so the deploy reports a failed bootstrap like a failed migration:
# 2 a bootstrap variable is missing, 3 psql cannot connect, 1 a bootstrap statement failed, 7 psql is missing.
set -eu

bootstrap() {
  missing=""
  for name in DB_HOST DB_NAME DB_ADMIN_PASSWORD DB_MIGRATOR_ROLE DB_MIGRATOR_PASSWORD DB_APP_ROLE DB_APP_PASSWORD; do
    eval "value=\${$name:-}"
    [ -n "$value" ] || missing="$missing $name"
  done
  if [ -n "$missing" ]; then
    echo "strata-migrate: DB_ADMIN_USER is set but the roles' bootstrap also needs:$missing" >&2
    exit 2
  fi
  command -v psql >/dev/null 2>&1 || { echo "strata-migrate: psql is not installed; the roles' bootstrap needs it" >&2; exit 7; }
  script="${STRATA_BOOTSTRAP_SQL:-/usr/local/share/strata/bootstrap-roles.sql}"
  [ -r "$script" ] || { echo "strata-migrate: cannot read $script" >&2; exit 2; }

  echo "strata-migrate: bringing roles $DB_MIGRATOR_ROLE and $DB_APP_ROLE up to date on $DB_HOST/$DB_NAME" >&2
  status=0
  PGPASSWORD="$DB_ADMIN_PASSWORD" PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-15}" psql -X -q -v ON_ERROR_STOP=1 \
    -h "$DB_HOST" -p "${DB_PORT:-5432}" -U "$DB_ADMIN_USER" -d "$DB_NAME" \
    -v schema="${DB_SCHEMA:-public}" -f "$script" || status=$?
  case "$status" in
    0) echo "strata-migrate: roles up to date" >&2 ;;
    2) echo "strata-migrate: the roles' bootstrap could not connect as $DB_ADMIN_USER; no migration was run" >&2; exit 3 ;;
    *) echo "strata-migrate: the roles' bootstrap failed (psql exit $status); no migration was run" >&2; exit 1 ;;
  esac
}

if [ -n "${DB_ADMIN_USER:-}" ]; then
  bootstrap
fi
# strata needs none of these: it connects as the migration role.
unset DB_ADMIN_USER DB_ADMIN_PASSWORD DB_MIGRATOR_PASSWORD DB_APP_PASSWORD
exec strata "$@"

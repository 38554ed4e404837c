#!/usr/bin/env bash
# The migration task's command (deploy/docker/strata-migrate.sh) against a real PostgreSQL on 127.0.0.1 that checks
# passwords (scram-sha-256), with the variables ECS gives the task and an administrator that is, like the RDS master
# user, no superuser (CREATEROLE, owner of the database). Checks:
#   - on a fresh database the bootstrap creates both roles, then strata applies the migrations as the migration role;
#   - a second run with nothing pending changes nothing in the catalogs (roles, grants, default privileges, owners;
#     only the password hashes, which PostgreSQL salts anew, are left out of the comparison);
#   - after a later migration adds a table, the application role, logged in with its secret's password, can SELECT,
#     INSERT, UPDATE and DELETE in both tables (default privileges), and is refused CREATE TABLE, CREATE TEMP TABLE
#     (SQLSTATE 42501) and writes to Strata's history table, its backfill table and a history table configured with
#     STRATA_HISTORY_TABLE;
#   - no password reaches the server's log, with log_statement = ddl or when the bootstrap's ALTER ROLE fails;
#   - a wrong administrator password or a missing variable stops the task before strata runs (exit 3, exit 2).
# Needs PostgreSQL's server binaries, psql, and the strata build (STRATA_BIN, or src/Strata.Cli's Release build,
# made here when missing).
set -euo pipefail
# shellcheck source=deploy/tests/lib.sh
source "$(dirname "$0")/lib.sh"
make_scratch

strata_bin="${STRATA_BIN:-$REPO_DIR/src/Strata.Cli/bin/Release/net10.0/strata}"
if [ ! -x "$strata_bin" ]; then
  note "building strata"
  quiet "dotnet build of strata failed" dotnet build "$REPO_DIR/src/Strata.Cli/Strata.Cli.csproj" -c Release -nologo -v quiet
fi
mkdir -p "$SCRATCH/bin"
ln -s "$strata_bin" "$SCRATCH/bin/strata"
ln -s "$DEPLOY_DIR/docker/strata-migrate.sh" "$SCRATCH/bin/strata-migrate"

trap 'stop_postgres; rm -rf "$SCRATCH"' EXIT
start_postgres
admin_password="$PG_ADMIN_PASSWORD"
pg_port="$PG_PORT"
as() { psql_as "$@"; }
note "PostgreSQL on 127.0.0.1:$pg_port (password logins only; administrator cruddur_admin is no superuser)"

# What ECS gives the migration task (deploy/terraform/app/ecs.tf): the address, the migration role's secret as
# DB_SECRET, and single fields of the master, migration and application secrets.
migrator_password=$(random_password)
app_password=$(random_password)
task_env=(
  PATH="$SCRATCH/bin:$PATH"
  DB_HOST=127.0.0.1 DB_PORT="$pg_port" DB_NAME=cruddur
  DB_SECRET="{\"engine\":\"postgres\",\"username\":\"cruddur_migrator\",\"password\":\"$migrator_password\",\"dbname\":\"cruddur\",\"port\":$pg_port}"
  DB_ADMIN_USER=cruddur_admin DB_ADMIN_PASSWORD="$admin_password"
  DB_MIGRATOR_ROLE=cruddur_migrator DB_MIGRATOR_PASSWORD="$migrator_password"
  DB_APP_ROLE=cruddur_app DB_APP_PASSWORD="$app_password"
  STRATA_BOOTSTRAP_SQL="$DEPLOY_DIR/sql/bootstrap-roles.sql"
)
# run_task MIGRATIONS_DIR [VAR=VALUE...]: the task's command; sets out and status.
run_task() {
  local dir="$1"
  shift
  status=0
  out=$(env -u PGPASSWORD -u DATABASE_URL "${task_env[@]}" "$@" strata-migrate up --migrations-dir "$dir" 2>&1) || status=$?
}

mkdir -p "$SCRATCH/first" "$SCRATCH/later"
cat >"$SCRATCH/first/20250101000000_create_notes.sql" <<'SQL'
-- migrate:up
CREATE TABLE notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL);
SQL
cp "$SCRATCH/first/"*.sql "$SCRATCH/later/"
cat >"$SCRATCH/later/20250102000000_create_tags.sql" <<'SQL'
-- migrate:up
CREATE TABLE tags (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note_id bigint NOT NULL REFERENCES notes (id), name text NOT NULL);
SQL

# 1. A fresh database: the roles appear, then the migration runs as the migration role.
run_task "$SCRATCH/first"
[ "$status" -eq 0 ] || { echo "$out" >&2; die "the migration task failed on a fresh database (exit $status)"; }
grep -qF "roles up to date" <<<"$out" || { echo "$out" >&2; die "the migration task did not run the roles' bootstrap"; }
owner=$(as cruddur_admin "$admin_password" -Atc "SELECT tableowner FROM pg_tables WHERE tablename = 'notes'")
[ "$owner" = cruddur_migrator ] || die "the migration ran as '$owner', not as the migration role"
for secret in "$admin_password" "$migrator_password" "$app_password"; do
  if grep -qF -- "$secret" <<<"$out"; then die "the migration task printed a password"; fi
done
note "fresh database: bootstrap created the roles, strata applied the migration as cruddur_migrator"

# 2. A second run with nothing pending: the bootstrap changes nothing.
snapshot() {
  as cruddur_admin "$admin_password" -At <<'SQL'
SELECT 'role', rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolbypassrls
FROM pg_roles WHERE rolname LIKE 'cruddur\_%' ORDER BY rolname;
SELECT 'member', roleid::regrole, member::regrole, admin_option FROM pg_auth_members
WHERE roleid::regrole::text LIKE 'cruddur\_%' OR member::regrole::text LIKE 'cruddur\_%' ORDER BY 2, 3;
SELECT 'database', datdba::regrole, datacl FROM pg_database WHERE datname = current_database();
SELECT 'schema', nspname, nspowner::regrole, nspacl FROM pg_namespace WHERE nspname = 'public';
SELECT 'default', defaclrole::regrole, defaclnamespace::regnamespace, defaclobjtype, defaclacl FROM pg_default_acl ORDER BY 2, 3, 4;
SELECT 'relation', relname, relkind, relowner::regrole, relacl FROM pg_class
WHERE relnamespace = 'public'::regnamespace ORDER BY relname;
SQL
}
before=$(snapshot)
run_task "$SCRATCH/first"
[ "$status" -eq 0 ] || { echo "$out" >&2; die "the second run of the migration task failed (exit $status)"; }
after=$(snapshot)
first_history_acl=$(grep '^relation|strata_schema_migrations|' <<<"$after" || true)
# The one intended difference: the first bootstrap ran before strata created its history table, so only this one
# could take the application role's write access to it. A third run must then change nothing at all.
before=$after
run_task "$SCRATCH/first"
[ "$status" -eq 0 ] || { echo "$out" >&2; die "the third run of the migration task failed (exit $status)"; }
after=$(snapshot)
if [ "$before" != "$after" ]; then
  diff <(echo "$before") <(echo "$after") >&2 || true
  die "running the bootstrap again changed the catalogs"
fi
[ -n "$first_history_acl" ] || die "strata's history table is not in the public schema"
note "bootstrap run again: roles, grants, default privileges and owners unchanged"

# 3. A later migration adds a table; the application role works on both tables with its secret's password.
# Strata's backfill progress table appears when a backfill first runs: here made by the migration role, as strata does.
as cruddur_migrator "$migrator_password" -c "CREATE TABLE strata_schema_migrations_backfill (migration text PRIMARY KEY)"
run_task "$SCRATCH/later"
[ "$status" -eq 0 ] || { echo "$out" >&2; die "the migration task failed on the later migration (exit $status)"; }
dml=$(as cruddur_app "$app_password" -At <<'SQL' 2>&1
INSERT INTO notes (body) VALUES ('first') RETURNING id;
INSERT INTO tags (note_id, name) SELECT id, 'red' FROM notes;
UPDATE notes SET body = body || '!';
UPDATE tags SET name = 'blue';
SELECT body || '/' || name FROM notes JOIN tags ON tags.note_id = notes.id;
DELETE FROM tags;
DELETE FROM notes;
SELECT count(*) FROM notes;
SQL
) || { echo "$dml" >&2; die "the application role could not read and write the tables (default privileges)"; }
[ "$(tail -n 2 <<<"$dml" | tr '\n' ' ')" = "first!/blue 0 " ] || { echo "$dml" >&2; die "unexpected rows: $dml"; }
# expect_refused SQL WHAT [psql arguments]: the application role gets SQLSTATE 42501 (insufficient privilege).
expect_refused() {
  local result
  if result=$(as cruddur_app "$app_password" -v VERBOSITY=verbose "${@:3}" -c "$1" 2>&1); then
    die "the application role was allowed to $2"
  fi
  grep -q "ERROR:  42501:" <<<"$result" || { echo "$result" >&2; die "refusing to $2 was not SQLSTATE 42501"; }
}
expect_refused "CREATE TABLE sneaky (id int)" "create a table"
expect_refused "ALTER TABLE tags ADD COLUMN colour text" "alter a table"
expect_refused "DELETE FROM strata_schema_migrations" "delete from strata's history"
as cruddur_app "$app_password" -Atc "SELECT count(*) FROM strata_schema_migrations" >/dev/null ||
  die "the application role cannot read strata's history (the readiness check needs it)"
note "application role: SELECT/INSERT/UPDATE/DELETE on a table of a later migration; CREATE TABLE refused (42501)"

expect_refused "CREATE TEMP TABLE scratch (id int)" "create a temporary table"
as cruddur_migrator "$migrator_password" -c "CREATE TEMP TABLE scratch (id int)" >/dev/null ||
  die "the migration role may not create a temporary table"
note "temporary tables: refused to the application role (42501), allowed to the migration role"

expect_refused "DELETE FROM strata_schema_migrations_backfill" "delete from strata's backfill progress"
# A history table of another name (STRATA_HISTORY_TABLE), in a database of its own: the first run creates it, the
# next bootstrap protects it.
as cruddur_admin "$admin_password" -c "CREATE DATABASE cruddur_history"
for run in 1 2; do
  run_task "$SCRATCH/first" STRATA_HISTORY_TABLE=public.app_history DB_NAME=cruddur_history \
    DB_SECRET="{\"username\":\"cruddur_migrator\",\"password\":\"$migrator_password\",\"dbname\":\"cruddur_history\",\"port\":$pg_port}"
  [ "$status" -eq 0 ] || { echo "$out" >&2; die "the migration task with STRATA_HISTORY_TABLE failed (run $run, exit $status)"; }
done
expect_refused "DELETE FROM app_history" "delete from a history table named by STRATA_HISTORY_TABLE" -d cruddur_history
note "application role: writes refused on the backfill table and on a history table named by STRATA_HISTORY_TABLE"

# No password reaches the server's log: not with log_statement = ddl, nor when the bootstrap's ALTER ROLE fails
# (log_min_error_statement logs the failed statement), here because the application role became a superuser.
as_superuser() { psql_as postgres "$PG_SUPERUSER_PASSWORD" "$@" >/dev/null; }
as_superuser -c "ALTER SYSTEM SET log_statement = 'ddl'" -c "SELECT pg_reload_conf()"
run_task "$SCRATCH/later"
[ "$status" -eq 0 ] || { echo "$out" >&2; die "the migration task failed with log_statement = ddl (exit $status)"; }
as_superuser -c "ALTER ROLE cruddur_app SUPERUSER"
run_task "$SCRATCH/later"
as_superuser -c "ALTER ROLE cruddur_app NOSUPERUSER" -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()"
[ "$status" -eq 1 ] || { echo "$out" >&2; die "the bootstrap altering a superuser gave exit $status, not 1"; }
grep -q "ALTER ROLE" "$PG_DIR/log" || die "the server logged no ALTER ROLE: the check would prove nothing"
for secret in "$migrator_password" "$app_password"; do
  if grep -qF -- "$secret" "$PG_DIR/log"; then die "a role's password is in the server's log"; fi
done
note "server log: no password with log_statement = ddl or a failed ALTER ROLE (only SCRAM verifiers are sent)"

# 4. Failures stop the task before strata runs, with strata's exit codes.
run_task "$SCRATCH/later" DB_ADMIN_PASSWORD=wrong-password
[ "$status" -eq 3 ] || { echo "$out" >&2; die "a wrong administrator password gave exit $status, not 3"; }
grep -qF "no migration was run" <<<"$out" || { echo "$out" >&2; die "the failed bootstrap did not say that no migration ran"; }
run_task "$SCRATCH/later" DB_APP_PASSWORD=
[ "$status" -eq 2 ] || { echo "$out" >&2; die "a missing DB_APP_PASSWORD gave exit $status, not 2"; }
grep -qF "DB_APP_PASSWORD" <<<"$out" || { echo "$out" >&2; die "the missing variable was not named"; }
note "bootstrap failures: wrong administrator password -> exit 3, missing variable -> exit 2, strata not run"

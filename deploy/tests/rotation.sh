#!/usr/bin/env bash
# A rotated application password is picked up by the running app without a restart, on the path the deploy docs
# recommend for it: the secret in Secrets Manager (moto on 127.0.0.1), the app (examples/Cruddur) reading it through
# a password command for every new physical connection, the password set in PostgreSQL (127.0.0.1, password logins
# only) by the migration task's bootstrap from the same secret.
#
#   1. the migration task (strata-migrate) creates the roles from the secrets and applies Cruddur's migrations;
#   2. Cruddur starts as the application role and serves /health/ready and a write;
#   3. rotation: a new password is put in the application secret, the migration task runs again (its bootstrap sets
#      the password in PostgreSQL), and the app's server connections are ended, so its next request must log in;
#   4. the same app process serves again, with the new password (the old one is refused by the server).
# Needs PostgreSQL, the aws CLI, moto, and the strata and Cruddur builds (made here when missing).
set -euo pipefail
# shellcheck source=deploy/tests/lib.sh
source "$(dirname "$0")/lib.sh"
make_scratch

strata_bin="${STRATA_BIN:-$REPO_DIR/src/Strata.Cli/bin/Release/net10.0/strata}"
cruddur_dll="$REPO_DIR/examples/Cruddur/bin/Release/net10.0/Cruddur.dll"
[ -x "$strata_bin" ] || quiet "dotnet build of strata failed" dotnet build "$REPO_DIR/src/Strata.Cli/Strata.Cli.csproj" -c Release -nologo -v quiet
[ -f "$cruddur_dll" ] || quiet "dotnet build of Cruddur failed" dotnet build "$REPO_DIR/examples/Cruddur/Cruddur.csproj" -c Release -nologo -v quiet
mkdir -p "$SCRATCH/bin"
ln -s "$strata_bin" "$SCRATCH/bin/strata"
ln -s "$DEPLOY_DIR/docker/strata-migrate.sh" "$SCRATCH/bin/strata-migrate"

app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  stop_postgres
  stop_moto
  [ -n "${KEEP_SCRATCH:-}" ] || rm -rf "$SCRATCH"
}
trap cleanup EXIT
start_postgres
start_moto
awsm() { aws --endpoint-url "$MOTO_ENDPOINT" --output json "$@"; }

# The data stack's two role secrets, as it writes them.
role_secret() { jq -cn --arg u "$1" --arg p "$2" '{engine: "postgres", username: $u, password: $p, dbname: "cruddur"}'; }
first=$(random_password)
migrator_arn=$(awsm secretsmanager create-secret --name cruddur-rot-db/migrator \
  --secret-string "$(role_secret cruddur_migrator "$(random_password)")" | jq -r .ARN)
app_arn=$(awsm secretsmanager create-secret --name cruddur-rot-db/app --secret-string "$(role_secret cruddur_app "$first")" | jq -r .ARN)
field() { awsm secretsmanager get-secret-value --secret-id "$1" | jq -r ".SecretString | fromjson | .$2"; }

# The migration task, with what ECS injects from the secrets at its start.
run_migration_task() {
  local out
  out=$(env -u PGPASSWORD PATH="$SCRATCH/bin:$PATH" DB_HOST=127.0.0.1 DB_PORT="$PG_PORT" DB_NAME=cruddur \
    DB_SECRET="$(awsm secretsmanager get-secret-value --secret-id "$migrator_arn" | jq -r .SecretString)" \
    DB_ADMIN_USER=cruddur_admin DB_ADMIN_PASSWORD="$PG_ADMIN_PASSWORD" \
    DB_MIGRATOR_ROLE="$(field "$migrator_arn" username)" DB_MIGRATOR_PASSWORD="$(field "$migrator_arn" password)" \
    DB_APP_ROLE="$(field "$app_arn" username)" DB_APP_PASSWORD="$(field "$app_arn" password)" \
    STRATA_BOOTSTRAP_SQL="$DEPLOY_DIR/sql/bootstrap-roles.sql" \
    strata-migrate up --migrations-dir "$REPO_DIR/examples/Cruddur/db/migrations" 2>&1) ||
    { echo "$out" >&2; die "the migration task failed"; }
}
run_migration_task
note "migration task: roles created from the secrets in the emulator, Cruddur's migrations applied"

# The app as the application role; its password comes from the secret, read again for every new connection.
app_port=$(free_port)
env -u PGPASSWORD -u DATABASE_URL ASPNETCORE_URLS="http://127.0.0.1:$app_port" \
  DB_HOST=127.0.0.1 DB_PORT="$PG_PORT" DB_NAME=cruddur DB_USER=cruddur_app \
  STRATA_PASSWORD_COMMAND="aws --endpoint-url $MOTO_ENDPOINT secretsmanager get-secret-value --secret-id $app_arn --query SecretString --output text | jq -r .password" \
  dotnet "$cruddur_dll" >"$SCRATCH/app.log" 2>&1 &
app_pid=$!
ready() { curl -fsS -o /dev/null "http://127.0.0.1:$app_port/health/ready" 2>/dev/null; }
for _ in $(seq 1 300); do
  ready && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$SCRATCH/app.log" >&2; die "the app exited"; }
  sleep 0.2
done
ready || { cat "$SCRATCH/app.log" >&2; die "the app never answered /health/ready"; }
create_user() {
  curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' \
    -d "{\"displayName\":\"Rotation $1\",\"handle\":\"rotation$1\",\"cognitoUserId\":\"rotation-$1\"}" \
    "http://127.0.0.1:$app_port/api/users/"
}
create_user 1 || { cat "$SCRATCH/app.log" >&2; die "the app could not write as the application role"; }
note "Cruddur (pid $app_pid) serves as cruddur_app with the secret's password"

# Rotation: new password in the secret, set in PostgreSQL by the next migration task, app's sessions ended.
second=$(random_password)
awsm secretsmanager put-secret-value --secret-id "$app_arn" --secret-string "$(role_secret cruddur_app "$second")" >/dev/null
run_migration_task
ended=$(PGPASSWORD="$PG_SUPERUSER_PASSWORD" psql -X -q -At -h 127.0.0.1 -p "$PG_PORT" -U postgres -d cruddur \
  -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = 'cruddur_app'")
[ "$ended" -ge 1 ] || die "the app held no server connection to end"
if psql_as cruddur_app "$first" -c "SELECT 1" >/dev/null 2>&1; then die "the old password still logs in: nothing was rotated"; fi
note "rotated: new password in the secret and in PostgreSQL, the old one refused, the app's $ended connection(s) ended"

# The next requests need new logins; the first may meet a pooled connection the server ended, so a few tries.
served=""
for attempt in 1 2 3 4 5; do
  if ready && create_user 2; then
    served=$attempt
    break
  fi
  sleep 1
done
[ -n "$served" ] || { cat "$SCRATCH/app.log" >&2; die "the app did not serve again after the rotation"; }
kill -0 "$app_pid" 2>/dev/null || die "the app process is gone"
logins=$(psql_as cruddur_admin "$PG_ADMIN_PASSWORD" -At -c "SELECT count(*) FROM pg_stat_activity WHERE usename = 'cruddur_app'")
[ "$logins" -ge 1 ] || die "the app serves without a connection as cruddur_app"
users=$(psql_as cruddur_admin "$PG_ADMIN_PASSWORD" -At -c "SELECT count(*) FROM users WHERE handle LIKE 'rotation%'")
[ "$users" = 2 ] || die "expected both users written, found $users"
for secret in "$first" "$second"; do
  if grep -qF -- "$secret" "$SCRATCH/app.log"; then die "the app logged a password"; fi
done
note "the same app process (pid $app_pid) serves again with the rotated password (request $served after the rotation)"

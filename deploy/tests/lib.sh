# shellcheck shell=bash
# Helpers shared by the deployment checks. Sourced, not run.

# Used by the scripts that source this file.
# shellcheck disable=SC2034
DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck disable=SC2034
REPO_DIR="$(cd "$DEPLOY_DIR/.." && pwd)"
TESTS_DIR="$DEPLOY_DIR/tests"
# shellcheck disable=SC2034
STACKS=(network registry data app)

# Providers come from this local mirror when it exists (no registry access needed), else from the registry.
TF_PLUGIN_DIR="${TF_PLUGIN_DIR:-/opt/tf-plugins}"
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1

note() { echo "  $*" >&2; }

die() {
  echo "FAIL: $*" >&2
  exit 1
}

# Runs a command quietly; on failure shows its output and fails with the given reason.
quiet() {
  local reason="$1" out
  shift
  if ! out=$("$@" 2>&1); then
    echo "$out" >&2
    die "$reason"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# A scratch directory removed when the calling shell exits.
make_scratch() {
  SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/strata-deploy-tests.XXXXXX")
  export SCRATCH
  export TF_CLI_CONFIG_FILE="$SCRATCH/terraformrc"
  : >"$TF_CLI_CONFIG_FILE"
}

# tf_init DIR [extra init arguments]
tf_init() {
  local dir="$1" mirror=()
  shift
  [ ! -d "$TF_PLUGIN_DIR" ] || mirror=(-plugin-dir="$TF_PLUGIN_DIR")
  quiet "terraform init failed in $dir" terraform -chdir="$dir" init "${mirror[@]}" -input=false -no-color "$@"
}

# Copies a stack to the scratch directory, so checks never leave state or .terraform/ in the worktree. The shared
# modules go beside it, where the stack's "../modules/..." sources find them.
copy_stack() {
  local stack="$1" dest="$SCRATCH/stacks/$1"
  rm -rf "$dest"
  mkdir -p "$SCRATCH/stacks"
  if [ ! -d "$SCRATCH/stacks/modules" ]; then
    # Stacks are copied in parallel: each copies under its own name, and the first rename wins.
    cp -r "$DEPLOY_DIR/terraform/modules" "$SCRATCH/stacks/modules.$BASHPID"
    mv -T "$SCRATCH/stacks/modules.$BASHPID" "$SCRATCH/stacks/modules" 2>/dev/null || rm -rf "$SCRATCH/stacks/modules.$BASHPID"
  fi
  cp -r "$DEPLOY_DIR/terraform/$stack" "$dest"
  rm -rf "$dest/.terraform" "$dest"/terraform.tfstate* "$dest"/*.auto.tfvars.json
  echo "$dest"
}

# --- moto -------------------------------------------------------------------------------------------------

MOTO_PID=""

stop_moto() {
  if [ -n "$MOTO_PID" ] && kill -0 "$MOTO_PID" 2>/dev/null; then
    kill "$MOTO_PID" 2>/dev/null || true
    wait "$MOTO_PID" 2>/dev/null || true
  fi
  MOTO_PID=""
}

# Starts the emulator on a free loopback port and waits until it answers; sets MOTO_ENDPOINT and the dummy
# credentials every AWS client in the checks uses.
start_moto() {
  local port attempt
  for attempt in 1 2 3; do
    port=$(free_port)
    MOTO_IAM_LOAD_MANAGED_POLICIES=true MOTO_ECS_SERVICE_RUNNING=1 \
      python3 "${MOTO_SERVER:-$TESTS_DIR/moto/server.py}" "$port" >"$SCRATCH/moto.log" 2>&1 &
    MOTO_PID=$!
    local tries=0
    while [ "$tries" -lt 300 ]; do
      if curl -fsS -o /dev/null "http://127.0.0.1:$port/moto-api/data.json" 2>/dev/null; then
        export MOTO_ENDPOINT="http://127.0.0.1:$port"
        export AWS_ENDPOINT_URL="$MOTO_ENDPOINT"
        export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing
        export AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1
        unset AWS_PROFILE
        return 0
      fi
      kill -0 "$MOTO_PID" 2>/dev/null || break
      sleep 0.1
      tries=$((tries + 1))
    done
    stop_moto
    note "moto did not start on port $port (attempt $attempt)"
  done
  cat "$SCRATCH/moto.log" >&2
  die "could not start moto_server"
}

# Points a copied stack at the emulator: local state, dummy credentials, every service endpoint on loopback.
# The stack's own provider and backend blocks stay as they are; this override file exists only in the copy.
write_moto_override() {
  local dir="$1" service endpoints=""
  for service in ec2 ecs ecr elasticache elbv2 iam cloudwatchlogs kms rds secretsmanager sts; do
    endpoints+="    $service = \"$MOTO_ENDPOINT\""$'\n'
  done
  cat >"$dir/moto_override.tf" <<EOF
terraform {
  backend "local" {}
}

provider "aws" {
  access_key                  = "testing"
  secret_key                  = "testing"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  s3_use_path_style           = true

  endpoints {
$endpoints  }
}
EOF
}

# --- PostgreSQL --------------------------------------------------------------------------------------------

PG_DIR=""
# Set by start_postgres, read by the scripts that source this file.
# shellcheck disable=SC2034
PG_PORT="" PG_SUPERUSER_PASSWORD="" PG_ADMIN_PASSWORD=""

# Starts a throwaway PostgreSQL on a free loopback port that checks passwords (scram-sha-256), and creates, like
# RDS, an administrator that is no superuser (CREATEROLE, owner of the database cruddur). Sets PG_PORT,
# PG_SUPERUSER_PASSWORD and PG_ADMIN_PASSWORD. Call stop_postgres when done.
start_postgres() {
  local pg_bin
  pg_bin=$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1 || true)
  [ -z "$pg_bin" ] || PATH="$(dirname "$pg_bin"):$PATH"
  local tool
  for tool in initdb pg_ctl psql; do command -v "$tool" >/dev/null || die "$tool is needed (PostgreSQL)"; done
  PG_DIR="$SCRATCH/pg"
  chmod 755 "$SCRATCH"
  mkdir -p "$PG_DIR"
  PG_SUPERUSER_PASSWORD=$(random_password)
  PG_ADMIN_PASSWORD=$(random_password)
  printf '%s\n' "$PG_SUPERUSER_PASSWORD" >"$PG_DIR/pwfile"
  # postgres refuses to run as root.
  [ "$(id -u)" -ne 0 ] || chown -R postgres "$PG_DIR"
  quiet "initdb failed" as_postgres_user initdb -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/pwfile" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256
  PG_PORT=$(free_port)
  quiet "PostgreSQL did not start" as_postgres_user pg_ctl -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" start
  PGPASSWORD="$PG_SUPERUSER_PASSWORD" psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -v pw="$PG_ADMIN_PASSWORD" >/dev/null <<'SQL'
CREATE ROLE cruddur_admin LOGIN CREATEROLE CREATEDB PASSWORD :'pw';
CREATE DATABASE cruddur OWNER cruddur_admin;
SQL
}

stop_postgres() {
  if [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
    as_postgres_user pg_ctl -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
}

as_postgres_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# psql_as USER PASSWORD [psql arguments]: psql on the database cruddur, by password over TCP.
psql_as() {
  local user="$1" password="$2"
  shift 2
  PGPASSWORD="$password" psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$user" -d cruddur -v ON_ERROR_STOP=1 "$@"
}

random_password() { head -c 30 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32; }

#!/usr/bin/env bash
# Installs what Strata's build, tests and local default need on a Debian/Ubuntu machine, and nothing that is
# already there: PostgreSQL's server binaries (initdb, pg_ctl, postgres) and client (psql, pg_dump), and curl.
set -euo pipefail

have_server() {
  command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}

if ! have_server || ! command -v psql >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "prereqs: PostgreSQL is missing and this is not a Debian-like system: install PostgreSQL 13+ (server and client) yourself" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "prereqs: installing PostgreSQL (apt-get install -y postgresql postgresql-client curl)" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql postgresql-client curl >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "prereqs: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH" >&2
  exit 1
fi

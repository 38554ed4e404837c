#!/usr/bin/env bash
# Installs what Strata's build, tests and local default need on a Debian/Ubuntu machine, and nothing that is
# already there: PostgreSQL's server binaries (initdb, pg_ctl, postgres) and client (psql, pg_dump), curl, and
# libpg_query (PostgreSQL's parser as a library, used by `strata lint` only), Chromium (the browser the report's
# page is tested in; Playwright drives it, since no browser is downloaded), and redis-server for the Cruddur tests.
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

have_pg_query() {
  compgen -G "/usr/lib/*/libpg_query.so*" >/dev/null || compgen -G "/usr/lib/libpg_query.so*" >/dev/null
}

if ! have_pg_query; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "prereqs: libpg_query is missing and this is not a Debian-like system: install libpg_query 15 yourself (strata lint needs it)" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "prereqs: installing libpg_query (apt-get install -y libpg-query1504.0 libpg-query-dev)" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libpg-query1504.0 libpg-query-dev >/dev/null
fi

have_chromium() {
  [ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null 2>&1
}

if ! have_chromium; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "prereqs: Chromium is missing and this is not a Debian-like system: install Chromium and set STRATA_CHROMIUM to its binary (the report's browser test needs it)" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "prereqs: installing Chromium (apt-get install -y chromium)" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

# redis-server: the Cruddur tests start one on a loopback port for the optional home feed cache (not started here).
if ! command -v redis-server >/dev/null 2>&1; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "prereqs: redis-server is missing and this is not a Debian-like system: install Redis 7 yourself (the Cruddur cache tests need it)" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "prereqs: installing Redis (apt-get install -y redis-server)" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "prereqs: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH" >&2
  exit 1
fi

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

# apt_install WHAT WHY PACKAGE...: installs PACKAGE... with apt-get, or says what to install by hand elsewhere.
apt_install() {
  local what="$1" why="$2"
  shift 2
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "prereqs: $what is missing and this is not a Debian-like system: $why" >&2
    exit 1
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "prereqs: installing $what (apt-get install -y $*)" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

have_pg_query() {
  compgen -G "/usr/lib/*/libpg_query.so*" >/dev/null || compgen -G "/usr/lib/libpg_query.so*" >/dev/null
}

if ! have_pg_query; then
  apt_install libpg_query "install libpg_query 15 yourself (strata lint needs it)" libpg-query1504.0 libpg-query-dev
fi

have_chromium() {
  [ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null 2>&1
}

if ! have_chromium; then
  apt_install Chromium "install Chromium and set STRATA_CHROMIUM to its binary (the report's browser test needs it)" chromium
fi

# redis-server: the Cruddur tests start one on a loopback port for the optional home feed cache (not started here).
if ! command -v redis-server >/dev/null 2>&1; then
  apt_install Redis "install Redis 7 yourself (the Cruddur cache tests need it)" redis-server
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "prereqs: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH" >&2
  exit 1
fi

#!/usr/bin/env bash
# Runs Cruddur against the database Strata resolves from the environment (with nothing set: the local PostgreSQL
# that Strata runs under ./.strata, started and created on first use), migrates and seeds it while starting, then
# asks for the readiness check and the home feed, prints both answers and stops the app.
#
#   bash examples/Cruddur/demo.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=examples/Cruddur/bin/Release/net10.0

dotnet build examples/Cruddur -c Release -nologo -v quiet >/dev/null
log=$(mktemp /tmp/cruddur-demo.XXXXXX.log)
# The working directory is the repository root, so the local default is the same ./.strata cluster `strata up` uses.
Strata__WorkingDirectory=$root Strata__MigrateOnStart=true Cruddur__SeedOnStart=true \
  dotnet "$out/Cruddur.dll" --urls http://127.0.0.1:0 --contentRoot "$root/$out" >"$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -f "$log"' EXIT

for _ in $(seq 1 1200); do
  grep -q 'Now listening on' "$log" && break
  if ! kill -0 $app 2>/dev/null; then
    echo "demo: Cruddur stopped while starting; its log:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.1
done
base=$(grep -o 'Now listening on: http://127.0.0.1:[0-9]*' "$log" | head -n 1 | sed 's/Now listening on: //')
[ -n "$base" ] || { echo "demo: Cruddur did not start in 120 s; its log:" >&2; cat "$log" >&2; exit 1; }

echo "Cruddur is listening on $base"
echo
echo "GET $base/health/ready"
curl -sS "$base/health/ready"
echo
echo
echo "GET $base/api/activities/home?limit=5"
curl -fsS "$base/api/activities/home?limit=5"
echo

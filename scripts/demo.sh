#!/usr/bin/env bash
# Strata's main job on the embedded default: start the local PostgreSQL Strata runs under ./.strata, apply the
# reference app's migrations, print their status, then run the reference app on that database (seeded) and show
# its readiness check and a home-feed request answered.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prereqs.sh

strata() { dotnet run --project src/Strata.Cli -c Release --no-launch-profile -- "$@"; }
strata local start
strata up --migrations-dir examples/Cruddur/db/migrations
strata status --migrations-dir examples/Cruddur/db/migrations
bash examples/Cruddur/demo.sh

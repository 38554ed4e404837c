#!/usr/bin/env bash
# Times a snapshot of the schema model on a database with 1,000 tables.
# Usage: bench/schema/run.sh [connection string]   (default: a scratch database in Strata's local cluster)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
connection="${1:-}"
if [[ -z "$connection" ]]; then
    url="$(dotnet run --project "$here/../../src/Strata.Cli" -c Release -- local url)"
    psql "${url%/*}/postgres" -qc "DROP DATABASE IF EXISTS strata_schema_bench" -c "CREATE DATABASE strata_schema_bench"
    connection="$(python3 -c 'import sys, urllib.parse as u; p = u.urlparse(sys.argv[1]); user = u.unquote(p.username or ""); print(f"Host={p.hostname};Port={p.port or 5432};Username={user};Database=strata_schema_bench")' "$url")"
fi
dotnet run --project "$here/SnapshotBench" -c Release -- "$connection"
if [[ -n "${url:-}" ]]; then
    psql "${url%/*}/postgres" -qc "DROP DATABASE strata_schema_bench"
fi

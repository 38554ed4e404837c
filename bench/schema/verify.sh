#!/usr/bin/env bash
# Times `strata verify` on 100 generated migrations (tables, columns, indexes, functions, each with a down section)
# on the local PostgreSQL Strata runs. Usage: bench/schema/verify.sh [count]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
count="${1:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/db/migrations"
for ((i = 1; i <= count; i++)); do
    version=$((1000 + i))
    case $((i % 4)) in
        1) up="CREATE TABLE t$i (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL DEFAULT '');"
           down="DROP TABLE t$i;" ;;
        2) up="ALTER TABLE t$((i - 1)) ADD COLUMN note text CHECK (note <> '');"
           down="ALTER TABLE t$((i - 1)) DROP COLUMN note;" ;;
        3) up="CREATE INDEX t$((i - 2))_name_idx ON t$((i - 2)) (name);"
           down="DROP INDEX t$((i - 2))_name_idx;" ;;
        0) up="CREATE FUNCTION f$i(a integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT a + $i';"
           down="DROP FUNCTION f$i(integer);" ;;
    esac
    printf -- '-- migrate:up\n%s\n\n-- migrate:down\n%s\n' "$up" "$down" > "$work/db/migrations/${version}_step_$i.sql"
done
dotnet build "$here/../../src/Strata.Cli" -c Release -nologo -v quiet > /dev/null
strata="$here/../../src/Strata.Cli/bin/Release/net10.0/strata"
scratch="$(cd "$here/../.." && "$strata" local url -q)"
cd "$work"
start=$(date +%s.%N)
"$strata" verify --scratch-url "${scratch%/*}/postgres" 2>&1 | tail -1 || true
end=$(date +%s.%N)
python3 -c "import sys; print(f'{sys.argv[1]} migrations verified in {float(sys.argv[3]) - float(sys.argv[2]):.1f} s')" "$count" "$start" "$end"

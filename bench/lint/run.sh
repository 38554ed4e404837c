#!/bin/bash
# Times `strata lint` (static analysis only) on 1,000 generated migration files: one process, every file parsed by
# libpg_query and checked by every rule, output as one JSON document. The target is under 2 s.
#
#   bash bench/lint/run.sh [N]     N files (default 1000); prints the best and median wall time of 5 runs
# STRATA_BIN=path/to/strata measures that binary instead of building the Release one.
set -euo pipefail

N=${1:-1000}
RUNS=5
LINT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$(dirname "$LINT_DIR")")
WORK="$REPO_DIR/bench/.work/lint"

STRATA=${STRATA_BIN:-}
if [ -z "$STRATA" ]; then
  dotnet build "$REPO_DIR/src/Strata.Cli/Strata.Cli.csproj" -c Release -nologo -v quiet >/dev/null
  STRATA="$REPO_DIR/src/Strata.Cli/bin/Release/net10.0/strata"
fi

rm -rf "$WORK"
python3 "$LINT_DIR/generate.py" "$N" "$WORK/migrations"

# One untimed run: checks the output is a complete document and warms the file cache.
"$STRATA" lint "$WORK/migrations" --format json --fail-on none >"$WORK/findings.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s=d["summary"]; print("lint: %d files, %d statements, %d findings, %d suppressed" % (s["files"], s["statements"], len(d["findings"]), s["suppressed"]))' "$WORK/findings.json"

times=()
for _ in $(seq "$RUNS"); do
  start=$(date +%s%N)
  "$STRATA" lint "$WORK/migrations" --format json --fail-on none >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
best=$(echo "$sorted" | head -1)
median=$(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p")
echo "lint: $N files in ${best} ms (best of $RUNS), ${median} ms (median); target < 2000 ms"
[ "$median" -lt 2000 ]

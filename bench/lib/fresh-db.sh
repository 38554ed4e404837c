#!/bin/bash
# hyperfine's --prepare step: give the next timed run a never-used database named "fresh".
# The previous one is renamed away (cheap, no checkpoint) instead of dropped; run.sh drops them all between series.
# "cdb" is the name the "CREATE DATABASE alone" row creates, so it is moved away too.
set -euo pipefail
admin() {
  "$BENCH_PSQL" -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_PORT" -U postgres -d postgres "$@"
}
counter="$BENCH_WORK/counter"
k=$(( $(cat "$counter" 2>/dev/null || echo 0) + 1 ))
echo "$k" >"$counter"
args=()
for d in $(admin -c "SELECT datname FROM pg_database WHERE datname IN ('fresh', 'cdb')"); do
  args+=(-c "ALTER DATABASE \"$d\" RENAME TO \"used_${d}_$k\"")
done
admin "${args[@]}" -c 'CREATE DATABASE fresh'

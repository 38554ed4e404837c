# The outage benchmark: a steady application workload on a hot table, a long transaction holding a weak lock on
# it, and a migration that needs ACCESS EXCLUSIVE. Sourced by run.sh (needs cluster.sh and tools.sh).
# Timeline of one run (seconds from the workload's start):
#   0          pgbench starts: OUTAGE_RATE transactions/s from 8 clients, each a read and a write on "hot"
#   LEAD       a session takes ACCESS SHARE on "hot" and keeps its transaction open for OUTAGE_HOLD seconds
#   LEAD+lock  the migration starts (as soon as the blocker's lock is seen in pg_locks)
#   DURATION   pgbench stops; the migration is waited for (bounded) and its exit code recorded

OUTAGE_RATE=${OUTAGE_RATE:-200}

outage_prepare() {
  local dir=$1
  /usr/bin/python3 "$BENCH_DIR/lib/generate.py" outage "$dir/migrations"
  admin -c "CREATE DATABASE outage_template"
  # The hot table comes from an earlier Strata migration, as in an application Strata already manages: Strata
  # refuses to migrate a schema that has tables but no history of its own. The other tools never see that file.
  mkdir -p "$dir/before"
  printf '%s\n' "-- migrate:up" \
    "CREATE TABLE hot (id int PRIMARY KEY, counter bigint NOT NULL DEFAULT 0, label text);" \
    "INSERT INTO hot (id, label) SELECT g, 'row ' || g FROM generate_series(1, 10000) g;" \
    "-- migrate:down" "DROP TABLE hot;" >"$dir/before/20240101000000_create_hot.sql"
  "$STRATA_BIN" up --quiet --database-url "$(db_url outage_template)" --migrations-dir "$dir/before" >/dev/null
  admin -d outage_template -c "VACUUM ANALYZE hot"
}

# Wait until the blocking session really holds its lock, so the migration never starts before it.
wait_for_blocker() {
  local i
  for i in $(seq 1 200); do
    [ "$(admin -c "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid)
        WHERE a.application_name = 'bench-blocker' AND l.relation = 'hot'::regclass AND l.granted" -d "$1")" = 1 ] && return 0
    sleep 0.05
  done
  echo "bench: the blocking session never took its lock" >&2
  return 1
}

# outage_run TOOL DIR: one run; writes DIR/TOOL.json.
outage_run() {
  local tool=$1 dir=$2 db="outage_$1" logs="$2/$1" rc=0 t_blocker t_start t_end
  db=${db//-/_}
  rm -rf "$logs" && mkdir -p "$logs"
  admin -c "CREATE DATABASE $db TEMPLATE outage_template"
  (cd "$logs" && exec "$BENCH_PG_BIN/pgbench" -n -h 127.0.0.1 -p "$BENCH_PORT" -U postgres -c 8 -j 2 \
    -R "$OUTAGE_RATE" -T "$OUTAGE_DURATION" -P 1 --log -f "$BENCH_DIR/lib/outage-workload.sql" "$db" \
    >"$logs/pgbench.out" 2>&1) &
  PGBENCH_PID=$!
  sleep "$OUTAGE_LEAD"
  t_blocker=$(date +%s.%N)
  PGAPPNAME=bench-blocker "$BENCH_PSQL" -X -q -h 127.0.0.1 -p "$BENCH_PORT" -U postgres -d "$db" \
    -c "BEGIN" -c "SELECT id FROM hot LIMIT 1" -c "SELECT pg_sleep($OUTAGE_HOLD)" -c "COMMIT" >/dev/null &
  BLOCKER_PID=$!
  wait_for_blocker "$db"
  t_start=$(date +%s.%N)
  if [ "$tool" != none ]; then
    tool_cmd "$tool" apply "$db" "$dir/migrations"
    printf '%s\t%s\t%s\n' outage "$tool" "$(shell_line "${CMD[@]}")" >>"$dir/../commands.tsv"
    timeout 300 "${CMD[@]}" >"$logs/migration.out" 2>&1 || rc=$?
  fi
  t_end=$(date +%s.%N)
  wait "$PGBENCH_PID" || { echo "bench: pgbench failed in the outage run of $tool:" >&2; cat "$logs/pgbench.out" >&2; return 1; }
  PGBENCH_PID=
  wait "$BLOCKER_PID" || true
  BLOCKER_PID=
  local added
  added=$(admin -d "$db" -c "SELECT count(*) FROM information_schema.columns
    WHERE table_name = 'hot' AND column_name = 'added_by_migration'")
  /usr/bin/python3 "$BENCH_DIR/lib/outage_stats.py" "$dir/$tool.json" "$logs" "tool=$tool" "exit_code=$rc" \
    "column_added=$added" "migration_s=$(awk "BEGIN { print $t_end - $t_start }")" \
    "migration_start_s=$(awk "BEGIN { print $t_start - $t_blocker + $OUTAGE_LEAD }")" "hold_s=$OUTAGE_HOLD"
  outage_check "$tool" "$rc" "$added"
}

# A migration either succeeded and the column exists, or failed with exit 4 (lock not acquired) and nothing changed.
outage_check() {
  local tool=$1 rc=$2 added=$3
  case "$tool:$rc:$added" in
    none:0:0 | *:0:1) ;;
    strata*:4:0) say "outage: $tool gave up after its lock retries (exit 4); nothing applied" ;;
    *) echo "bench: CHECK FAILED: outage run of $tool exited $rc with the column added=$added" >&2; CHECK_FAILURES=$((CHECK_FAILURES + 1)) ;;
  esac
}

outage_all() {
  local dir=$1; shift
  mkdir -p "$dir"
  outage_prepare "$dir"
  local tool
  for tool in "$@"; do
    say "outage: $(tool_label "$tool") (hold ${OUTAGE_HOLD}s, workload ${OUTAGE_DURATION}s)"
    outage_run "$tool" "$dir"
  done
}

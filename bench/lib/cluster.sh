# The benchmark's own PostgreSQL: a throw-away cluster under $BENCH_WORK/pg on 127.0.0.1 and a free port.
# Sourced by run.sh. Exports BENCH_PORT, BENCH_PSQL, BENCH_PG_BIN for the helper scripts hyperfine runs.

BENCH_PG_BIN=${BENCH_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
# The real psql binary: Debian's /usr/bin/psql is a Perl wrapper that would add its own start-up to every run.
BENCH_PSQL="$BENCH_PG_BIN/psql"
export BENCH_PG_BIN BENCH_PSQL

# Run a PostgreSQL server binary as the postgres OS user when we are root (initdb and postgres refuse root).
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Admin SQL on the maintenance database; extra arguments go to psql (-c, -d, ...).
admin() {
  "$BENCH_PSQL" -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_PORT" -U postgres -d postgres "$@"
}

db_url() {
  echo "postgres://postgres@127.0.0.1:$BENCH_PORT/$1?sslmode=disable"
}

cluster_start() {
  local dir="$BENCH_WORK/pg"
  rm -rf "$dir"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_pg "$BENCH_PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1
  # Every migration of a run that applies all N in one transaction (psql -1, Alembic, node-pg-migrate) holds a lock
  # on each relation it creates until commit: 1,000 tables with their indexes, sequences and TOAST tables need more
  # than the default 64 x 100 lock slots.
  local try
  for try in 1 2 3; do
    BENCH_PORT=$(free_port)
    if as_pg "$BENCH_PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
      "-p $BENCH_PORT -k $dir -c listen_addresses=127.0.0.1 -c max_locks_per_transaction=1024" >/dev/null; then
      export BENCH_PORT
      CLUSTER_STARTED=1
      return 0
    fi
  done
  echo "bench: PostgreSQL did not start; see $dir/server.log" >&2
  return 1
}

cluster_stop() {
  if [ "${CLUSTER_STARTED:-0}" = 1 ]; then
    as_pg "$BENCH_PG_BIN/pg_ctl" -D "$BENCH_WORK/pg/data" -m fast -w stop >/dev/null 2>&1 || true
    CLUSTER_STARTED=0
    # Thousands of tables per run add up to gigabytes; the logs stay for a look after the run.
    rm -rf "$BENCH_WORK/pg/data"
  fi
}

# Databases used by a series are renamed out of the way, never dropped while the benchmark runs: every DROP DATABASE
# forces a checkpoint, whose writes would land in the next timed run (and a checkpoint per database is slow). The
# cluster is deleted at the end. The explicit CHECKPOINT makes every series start from the same clean state.
# end_series [applied]: also retire the fully migrated databases the no-op and status series use.
end_series() {
  local d also=
  [ "${1:-}" = applied ] && also="OR datname LIKE 'applied\_%'"
  for d in $(admin -c "SELECT datname FROM pg_database WHERE datname IN ('fresh', 'cdb') $also"); do
    admin -c "ALTER DATABASE \"$d\" RENAME TO \"used_${d}_$(date +%s%N)\""
  done
  admin -c "CHECKPOINT"
}

# Correctness: every tool must have produced the same schema and recorded every migration. Sourced by run.sh.
# A mismatch increments CHECK_FAILURES; run.sh exits non-zero when it is not 0. Timings are never checked.

CHECK_FAILURES=0

expect() {
  local what=$1 want=$2 got=$3
  if [ "$want" != "$got" ]; then
    echo "bench: CHECK FAILED: $what: expected $want, found $got" >&2
    CHECK_FAILURES=$((CHECK_FAILURES + 1))
  fi
}

# The rows each tool keeps about what it applied.
history_rows() {
  local tool=$1 db=$2
  case "$tool" in
    strata | strata_aot) admin -d "$db" -c "SELECT count(*) FROM strata_schema_migrations WHERE status = 'applied'" ;;
    dbmate) admin -d "$db" -c "SELECT count(*) FROM schema_migrations" ;;
    npm) admin -d "$db" -c "SELECT count(*) FROM pgmigrations" ;;
    sqitch) admin -d "$db" -c "SELECT count(*) FROM sqitch.changes WHERE project = 'bench'" ;;
    # Alembic keeps only the current head, which must be the last revision.
    alembic) admin -d "$db" -c "SELECT version_num FROM alembic_version" ;;
  esac
}

expected_history() {
  local tool=$1 n=$2
  case "$tool" in
    alembic) printf 'r%04d\n' "$n" ;;
    *) echo "$n" ;;
  esac
}

# check_schema N TOOL...: tables, indexes and added columns in applied_<tool>, plus the tool's own history.
check_schema() {
  local n=$1 tool db
  shift
  for tool in "$@"; do
    db="applied_$tool"
    expect "$tool, N=$n: tables" "$n" "$(admin -d "$db" -c "SELECT count(*) FROM pg_tables
      WHERE schemaname = 'public' AND tablename ~ '^bench_[0-9]{4}\$'")"
    expect "$tool, N=$n: indexes" "$n" "$(admin -d "$db" -c "SELECT count(*) FROM pg_indexes
      WHERE schemaname = 'public' AND indexname ~ '^bench_[0-9]{4}_name_idx\$'")"
    expect "$tool, N=$n: added columns" "$((n / 5))" "$(admin -d "$db" -c "SELECT count(*) FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'note' AND table_name ~ '^bench_[0-9]{4}\$'")"
    expect "$tool, N=$n: columns" "$((n * 5 + n / 5))" "$(admin -d "$db" -c "SELECT count(*) FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name ~ '^bench_[0-9]{4}\$'")"
    case "$tool" in
      psql1 | psqltx | psqlflush) ;;
      *) expect "$tool, N=$n: history rows" "$(expected_history "$tool" "$n")" "$(history_rows "$tool" "$db")" ;;
    esac
  done
}

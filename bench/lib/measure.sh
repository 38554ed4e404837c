# Timed series: hyperfine for wall time and CPU, /usr/bin/time for peak memory. Sourced by run.sh.

# The database a tool works on in a series: "fresh" (recreated before every run) when applying from empty,
# otherwise the tool's own fully migrated database.
series_db() {
  local tool=$1 action=$2
  case "$action:$tool" in
    apply:*) echo fresh ;;
    *:select1 | *:createdb) echo postgres ;;
    # The same database, read without the checksum cache.
    *:strata_aot_cold) echo applied_strata_aot ;;
    *) echo "applied_$tool" ;;
  esac
}

# The command as a person would type it: arguments with anything but plain characters in single quotes.
# hyperfine -N splits it the same way a POSIX shell would.
shell_line() {
  local arg line=
  for arg in "$@"; do
    if [[ "$arg" =~ ^[A-Za-z0-9_./:=@%+,-]+$ ]]; then line+="$arg "; else line+="'${arg//\'/\'\\\'\'}' "; fi
  done
  echo "${line% }"
}

# hyper OUT_PREFIX WARMUP RUNS ACTION MIGRATIONS TOOL...: one series. The tools take turns: every round runs each
# tool once (one hyperfine invocation, one JSON file per round), so load that comes and goes on a shared machine
# falls on all tools alike instead of on whichever tool happened to run its whole series at that moment.
# Warm-up rounds run the same way and are not kept.
hyper() {
  local out=$1 warmup=$2 runs=$3 action=$4 m=$5 tool round
  shift 5
  local args=(-N --style basic --runs 1)
  # Every run of the apply series starts on a database nobody has used; creating it is not timed.
  [ "$action" = apply ] && args+=(--prepare "bash $BENCH_DIR/lib/fresh-db.sh")
  for tool in "$@"; do
    tool_cmd "$tool" "$action" "$(series_db "$tool" "$action")" "$m"
    args+=(-n "$tool" "$(shell_line "${CMD[@]}")")
    printf '%s\t%s\t%s\n' "$action" "$tool" "$(shell_line "${CMD[@]}")" >>"$(dirname "$out")/commands.tsv"
  done
  say "hyperfine: $action, $(basename "$m"), $warmup warm-up and $runs timed rounds ($*)"
  for round in $(seq $((1 - warmup)) "$runs"); do
    local json="$out.r$round.json"
    [ "$round" -lt 1 ] && json="$BENCH_WORK/warmup.json"
    hyperfine "${args[@]}" --export-json "$json" >>"$out.log" 2>&1 || { tail -n 30 "$out.log" >&2; return 1; }
  done
}

# Apply every tool's migrations once, untimed, to its own database: what the no-op and status series run against,
# and what the correctness check inspects.
apply_once() {
  local m=$1 tool db
  shift
  for tool in "$@"; do
    db="applied_$tool"
    admin -c "CREATE DATABASE $db"
    tool_cmd "$tool" apply "$db" "$m"
    "${CMD[@]}" >"$BENCH_WORK/apply-$tool.log" 2>&1 || {
      echo "bench: $(tool_label "$tool") failed to apply the migrations:" >&2
      tail -n 20 "$BENCH_WORK/apply-$tool.log" >&2
      return 1
    }
  done
}

# rss OUT_TSV N ACTION MIGRATIONS TOOL...: one run of each under /usr/bin/time; appends n, tool, action, max RSS (KiB).
rss() {
  local out=$1 n=$2 action=$3 m=$4 tool db
  shift 4
  for tool in "$@"; do
    db=$(series_db "$tool" "$action")
    [ "$db" = fresh ] && bash "$BENCH_DIR/lib/fresh-db.sh"
    tool_cmd "$tool" "$action" "$db" "$m"
    /usr/bin/time -f '%M' -o "$BENCH_WORK/rss" "${CMD[@]}" >/dev/null 2>&1
    printf '%s\t%s\t%s\t%s\n' "$n" "$tool" "$action" "$(tail -n 1 "$BENCH_WORK/rss")" >>"$out"
  done
}

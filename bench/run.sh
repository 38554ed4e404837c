#!/bin/bash
# Benchmarks Strata against dbmate, Alembic, node-pg-migrate, sqitch and plain psql on the same migrations, on this
# machine, in one run; then the outage benchmark. See docs/benchmarks.md.
#
#   bash bench/run.sh           full run (N = 100 and 1,000): rewrites docs/benchmarks.md and docs/benchmarks-chart.svg
#   bash bench/run.sh --quick   smoke test (N = 100, few runs, short outage run, Strata built without ReadyToRun):
#                               checks every tool produced the right schema and history, writes its report under
#                               bench/.out/quick; exits non-zero on a mismatch, never because of a timing
# STRATA_BIN=path/to/strata skips publishing and measures that binary instead.
set -euo pipefail

QUICK=0
case "${1:-}" in
  --quick) QUICK=1 ;;
  "") ;;
  -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: bash bench/run.sh [--quick]" >&2; exit 2 ;;
esac

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
BENCH_OUT="$BENCH_DIR/.out"
BENCH_WORK="$BENCH_DIR/.work"
export BENCH_DIR BENCH_OUT BENCH_WORK

STRATA_BIN_OVERRIDE=${STRATA_BIN:-}
BENCH_STARTED=$(date +%s)
# Progress on stdout, with the seconds since the start so slow steps stand out in CI logs.
say() { echo "bench [$(($(date +%s) - BENCH_STARTED))s]: $*"; }
source "$BENCH_DIR/lib/cluster.sh"
source "$BENCH_DIR/lib/tools.sh"
source "$BENCH_DIR/lib/measure.sh"
source "$BENCH_DIR/lib/check.sh"
source "$BENCH_DIR/lib/outage.sh"

if [ "$QUICK" = 1 ]; then
  RESULTS="$BENCH_OUT/quick"
  SIZES=(100)
  APPLY_WARMUP=0 APPLY_RUNS=2 SLOW_RUNS=1 FAST_WARMUP=1 FAST_RUNS=5
  OUTAGE_LEAD=2 OUTAGE_HOLD=8 OUTAGE_DURATION=16
  OUTAGE_TOOLS=(psql strata)
else
  RESULTS="$BENCH_OUT/full"
  SIZES=(10 100 1000)
  APPLY_WARMUP=1 APPLY_RUNS=5 SLOW_RUNS=3 FAST_WARMUP=3 FAST_RUNS=20
  OUTAGE_LEAD=5 OUTAGE_HOLD=20 OUTAGE_DURATION=40
  OUTAGE_TOOLS=(none psql dbmate alembic strata strata-retries strata-short)
fi
# BENCH_SIZES="10 100" measures other sizes (the page shows whichever were run); BENCH_ROUNDS=N caps the timed rounds
# of every series at N (for a busy machine: the page states the rounds each series had).
if [ -n "${BENCH_ROUNDS:-}" ]; then
  APPLY_RUNS=$((APPLY_RUNS < BENCH_ROUNDS ? APPLY_RUNS : BENCH_ROUNDS))
  FAST_RUNS=$((FAST_RUNS < BENCH_ROUNDS ? FAST_RUNS : BENCH_ROUNDS))
fi
[ -n "${BENCH_SIZES:-}" ] && read -r -a SIZES <<<"$BENCH_SIZES"
# The Native AOT build is its own row in the full run (publishing it takes minutes, too long for the smoke test,
# which measures it only when STRATA_AOT_BIN names a binary).
STRATA=(strata)
[ "$QUICK" = 0 ] || [ -n "${STRATA_AOT_BIN:-}" ] && STRATA+=(strata_aot)
APPLY_TOOLS=(createdb psql1 psqltx psqlflush "${STRATA[@]}" dbmate alembic npm)
# sqitch starts a psql process per migration and takes ten times as long: fewer runs, no warm-up, own series.
SLOW_APPLY_TOOLS=(sqitch)
MIGRATION_TOOLS=("${STRATA[@]}" dbmate alembic npm sqitch)
# With the AOT binary, also once more without its checksum cache (every file read, as on a fresh checkout).
COLD=()
[ "${STRATA[*]}" = "strata strata_aot" ] && COLD=(strata_aot_cold)
NOOP_TOOLS=(select1 "${STRATA[@]}" "${COLD[@]}" dbmate alembic npm sqitch)
STATUS_TOOLS=(select1 "${STRATA[@]}" "${COLD[@]}" dbmate alembic sqitch)

PGBENCH_PID= BLOCKER_PID=
cleanup() {
  local pid
  for pid in $PGBENCH_PID $BLOCKER_PID; do kill "$pid" 2>/dev/null || true; done
  cluster_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

install_debian_tools
install_npm_tools
mkdir -p "$BENCH_OUT"
if [ -n "${STRATA_BIN_OVERRIDE:-}" ]; then
  STRATA_BIN=$(realpath "$STRATA_BIN_OVERRIDE")
elif [ "$QUICK" = 1 ]; then
  publish_strata quick
else
  publish_strata
fi
if [ -n "${STRATA_AOT_BIN:-}" ]; then
  STRATA_AOT_BIN=$(realpath "$STRATA_AOT_BIN")
elif [ "$QUICK" = 0 ]; then
  publish_strata_aot
fi
export STRATA_AOT_BIN
# Every client below talks plain TCP to the loopback server; none should spend a round trip asking for TLS.
export PGSSLMODE=disable
# Strata keeps the checksums of the files it has read (docs/performance.md) in a directory of this run's own.
export STRATA_CACHE_DIR="$BENCH_WORK/strata-cache"

rm -rf "$BENCH_WORK" "$RESULTS"
mkdir -p "$BENCH_WORK" "$RESULTS"
cluster_start
say "PostgreSQL on 127.0.0.1:$BENCH_PORT"

tool_versions >"$RESULTS/versions.tsv"
/usr/bin/python3 - "$RESULTS/machine.json" <<EOF
import json, os, platform, re, subprocess, sys
cpu = re.search(r"model name\s*:\s*(.*)", open("/proc/cpuinfo").read())
mem = int(re.search(r"MemTotal:\s*(\d+)", open("/proc/meminfo").read()).group(1))
os_name = re.search(r'PRETTY_NAME="(.*)"', open("/etc/os-release").read())
json.dump({
    "cpus": os.cpu_count(), "cpu_model": cpu.group(1) if cpu else platform.machine(),
    "memory_gib": round(mem / 1024 / 1024, 1), "kernel": platform.release(),
    "os": os_name.group(1) if os_name else platform.system(),
    "load_at_start": os.getloadavg()[0], "port": $BENCH_PORT, "strata_bin": "$STRATA_BIN",
    "started_utc": "$(date -u -d @"$BENCH_STARTED" '+%Y-%m-%d %H:%M UTC')",
    "quick": $QUICK == 1, "apply_runs": [$APPLY_WARMUP, $APPLY_RUNS, $SLOW_RUNS], "fast_runs": [$FAST_WARMUP, $FAST_RUNS],
    "outage": {"lead_s": $OUTAGE_LEAD, "hold_s": $OUTAGE_HOLD, "duration_s": $OUTAGE_DURATION, "rate": $OUTAGE_RATE},
    "pg_settings": subprocess.run(["$BENCH_PSQL", "-X", "-At", "-h", "127.0.0.1", "-p", "$BENCH_PORT", "-U", "postgres",
        "-d", "postgres", "-F", "=", "-c", "SELECT name, setting || coalesce(unit, '') FROM pg_settings WHERE name IN "
        "('fsync', 'synchronous_commit', 'shared_buffers', 'max_locks_per_transaction', 'wal_level', 'full_page_writes')"],
        capture_output=True, text=True, check=True).stdout.split(),
}, open(sys.argv[1], "w"), indent=2)
EOF

for n in "${SIZES[@]}"; do
  m="$BENCH_WORK/migrations-$n"
  /usr/bin/python3 "$BENCH_DIR/lib/generate.py" "$n" "$m" "$BENCH_PSQL"
  say "N=$n: applying once with every tool and checking the result"
  apply_once "$m" psql1 psqltx psqlflush "${MIGRATION_TOOLS[@]}"
  check_schema "$n" psql1 psqltx psqlflush "${MIGRATION_TOOLS[@]}"
  admin -c CHECKPOINT
  hyper "$RESULTS/apply-$n" "$APPLY_WARMUP" "$APPLY_RUNS" apply "$m" "${APPLY_TOOLS[@]}"
  hyper "$RESULTS/apply-$n.slow" 0 "$SLOW_RUNS" apply "$m" "${SLOW_APPLY_TOOLS[@]}"
  end_series
  hyper "$RESULTS/noop-$n" "$FAST_WARMUP" "$FAST_RUNS" noop "$m" "${NOOP_TOOLS[@]}"
  hyper "$RESULTS/status-$n" "$FAST_WARMUP" "$FAST_RUNS" status "$m" "${STATUS_TOOLS[@]}"
  say "N=$n: peak memory"
  [ "$QUICK" = 1 ] || rss "$RESULTS/rss.tsv" "$n" apply "$m" psqltx "${MIGRATION_TOOLS[@]}"
  rss "$RESULTS/rss.tsv" "$n" noop "$m" "${NOOP_TOOLS[@]}"
  rss "$RESULTS/rss.tsv" "$n" status "$m" "${STATUS_TOOLS[@]}"
  end_series applied
done

outage_all "$RESULTS/outage" "${OUTAGE_TOOLS[@]}"

if [ "$QUICK" = 1 ]; then
  report_md="$RESULTS/benchmarks.md" report_svg="$RESULTS/benchmarks-chart.svg"
else
  report_md="$REPO_DIR/docs/benchmarks.md" report_svg="$REPO_DIR/docs/benchmarks-chart.svg"
fi
/usr/bin/python3 "$BENCH_DIR/lib/report.py" "$RESULTS" "$report_md" "$report_svg" "$REPO_DIR" "$(($(date +%s) - BENCH_STARTED))"
say "report written to $report_md"

if [ "$CHECK_FAILURES" != 0 ]; then
  echo "bench: $CHECK_FAILURES correctness check(s) failed" >&2
  exit 1
fi
say "every tool produced the expected schema and history"

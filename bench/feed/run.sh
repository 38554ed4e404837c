#!/usr/bin/env bash
# The home feed under load: Cruddur (Release) against a throw-away PostgreSQL holding 100,000 activities, loaded by
# wrk over loopback for a bounded time, first the newest page and then a page 50,000 activities deep (keyset cursor).
# Right after each, pgbench sends the app's own query for that page straight to PostgreSQL over as many connections,
# so the app's rate is printed as a fraction of what the database gives it in the same minute. Then both pages again
# with the optional Redis cache on (a local redis-server on a free loopback port).
# Writes bench/feed/results.md (generated; do not edit it by hand).
#
#   bash bench/feed/run.sh                      # 20 s per scenario after a 10 s warm-up, 32 connections, 2 wrk threads
#   FEED_DURATION=60 FEED_WARMUP=20 FEED_CONNECTIONS=64 bash bench/feed/run.sh
#
# Run it on a quiet machine: the load average before and after is recorded with the results.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
here=$root/bench/feed

duration=${FEED_DURATION:-20}
connections=${FEED_CONNECTIONS:-32}
threads=${FEED_THREADS:-2}
warmup=${FEED_WARMUP:-10}
deep_offset=50000

log() { echo "feed-bench: $*" >&2; }

install_missing() {
  local missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  log "installing ${missing[*]} with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

bash scripts/prereqs.sh
install_missing wrk jq curl python3 redis-server

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

work=$(mktemp -d /tmp/strata-feed-bench.XXXXXX)
chmod 755 "$work"
app_pid=""
redis_port=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -n "$redis_port" ] && redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  [ -f "$work/pg/data/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

log "building Cruddur (Release)"
dotnet build examples/Cruddur -c Release -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }

log "starting a throw-away PostgreSQL"
mkdir -p "$work/pg" && [ "$(id -u)" = 0 ] && chown postgres "$work/pg"
as_pg "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --no-sync >"$work/pg/initdb.log"
pg_port=$(free_port)
as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 start \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c shared_buffers=256MB" >/dev/null
psql_admin() { "$pg_bin/psql" -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }
psql_admin -d postgres -c "CREATE DATABASE cruddur_bench"
database_url="postgres://postgres@127.0.0.1:$pg_port/cruddur_bench"

start_app() { # [VAR=value ...]: starts Cruddur with migrate-on-start and sets app_pid and base
  env "$@" DATABASE_URL="$database_url" Strata__MigrateOnStart=true ASPNETCORE_ENVIRONMENT=Production \
    dotnet examples/Cruddur/bin/Release/net10.0/Cruddur.dll --urls http://127.0.0.1:0 --contentRoot "$root/examples/Cruddur/bin/Release/net10.0" \
    >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 600); do
    grep -q 'Now listening on' "$work/app.log" && break
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
    sleep 0.1
  done
  base=$(grep -o 'Now listening on: http://127.0.0.1:[0-9]*' "$work/app.log" | head -n 1 | sed 's/Now listening on: //')
  [ -n "$base" ] || { log "Cruddur did not start"; cat "$work/app.log" >&2; exit 1; }
}

stop_app() { kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true; app_pid=""; }

log "starting Cruddur with migrate-on-start"
start_app
curl -fsS "$base/health/ready" >/dev/null

log "seeding 100,000 activities"
seed_started=$(date +%s.%N)
psql_admin -d cruddur_bench -f "$here/seed.sql"
seed_seconds=$(python3 -c "print($(date +%s.%N) - $seed_started)")
activities=$(psql_admin -d cruddur_bench -c "SELECT count(*) FROM activities")

log "finding the cursor $deep_offset activities deep by paging through the API"
cursor=""
for _ in $(seq 1 $((deep_offset / 100))); do
  cursor=$(curl -fsS "$base/api/activities/home?limit=100${cursor:+&before=$cursor}" | jq -r .nextCursor)
done

# The plan of the deep page's query, with the cursor's position written out (the app sends it as parameters).
position=$(psql_admin -d cruddur_bench -F ' ' -c "SELECT quote_literal(created_at), quote_literal(uuid)
  FROM activities ORDER BY created_at DESC, uuid DESC OFFSET $((deep_offset - 1)) LIMIT 1")
plan=$(psql_admin -d cruddur_bench -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
  SELECT a.uuid, u.display_name, u.handle, a.content FROM public.activities a JOIN public.users u ON u.uuid = a.user_uuid
  WHERE (a.expires_at IS NULL OR a.expires_at > now())
    AND (a.created_at, a.uuid) < (SELECT ${position% *}::timestamptz, ${position##* }::uuid)
  ORDER BY a.created_at DESC, a.uuid DESC LIMIT 21")

run_wrk() { # name path -> prints the RESULT json
  FEED_PATH=$2 wrk -t"$threads" -c"$connections" -d"${3}s" --timeout 10s -s "$here/feed.lua" "$base" >"$work/wrk-$1.txt"
  grep '^RESULT ' "$work/wrk-$1.txt" | sed 's/^RESULT //'
}

# The app's feed statement (ActivityStore.FeedSql / FeedAfterSql) for a 20-item page, which asks for 21 rows; the
# cursor's position, when given, written out as constants where the app passes parameters. pgbench prepares it
# (-M prepared) as the app does.
feed_sql() { # [created_at uuid]
  local after=""
  [ $# -eq 2 ] && after="AND (a.created_at, a.uuid) < (SELECT $1::timestamptz, $2::uuid) "
  echo "SELECT a.uuid, u.display_name, u.handle, a.content, a.replies_count, a.reposts_count, a.likes_count, a.reply_to_activity_uuid, a.expires_at, a.created_at FROM public.activities a JOIN public.users u ON u.uuid = a.user_uuid WHERE (a.expires_at IS NULL OR a.expires_at > now()) ${after}ORDER BY a.created_at DESC, a.uuid DESC LIMIT 21;"
}

run_pgbench() { # name sql-file seconds -> prints a RESULT json in wrk's shape, from pgbench's per-transaction log
  rm -f "$work/pgbench-$1".*
  "$pg_bin/pgbench" -n -h 127.0.0.1 -p "$pg_port" -U postgres -c "$connections" -j "$threads" -T "$3" -M prepared \
    -f "$2" -l --log-prefix="$work/pgbench-$1" cruddur_bench >"$work/pgbench-output-$1.txt" 2>&1
  python3 - "$work" "pgbench-$1" "$3" <<'PY'
import glob, json, sys
work, prefix, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
latencies, failed = [], 0
for name in glob.glob(f"{work}/{prefix}.*"):
    with open(name) as log:
        for line in log:
            fields = line.split()
            if fields[2] == "failed":
                failed += 1
            else:
                latencies.append(int(fields[2]))
latencies.sort()
def pct(p):
    return latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))] if latencies else 0
print(json.dumps({"requests": len(latencies), "duration_us": int(seconds * 1e6), "connect_errors": 0, "read_errors": 0,
                  "write_errors": 0, "status_errors": failed, "timeouts": 0, "p50_us": pct(50), "p90_us": pct(90),
                  "p99_us": pct(99), "p999_us": pct(99.9), "max_us": latencies[-1] if latencies else 0}))
PY
}

feed_sql >"$work/first.sql"
feed_sql "${position% *}" "${position##* }" >"$work/deep.sql"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# Tiered compilation is still re-compiling hot methods for the first seconds under load; the warm-up takes that.
log "warming up (${warmup} s)"
run_wrk warmup "/api/activities/home?limit=20" "$warmup" >/dev/null
log "first page: ${duration} s, $connections connections"
first=$(run_wrk first "/api/activities/home?limit=20" "$duration")
log "first page's query with pgbench: ${duration} s, $connections connections"
first_pg=$(run_pgbench first "$work/first.sql" "$duration")
log "deep page: ${duration} s, $connections connections"
deep=$(run_wrk deep "/api/activities/home?limit=20&before=$cursor" "$duration")
log "deep page's query with pgbench: ${duration} s, $connections connections"
deep_pg=$(run_pgbench deep "$work/deep.sql" "$duration")

# The same two pages with the optional Redis cache on: a local redis-server, Cruddur restarted pointing at it.
log "starting redis-server and Cruddur with the home feed cache"
stop_app
redis_port=$(free_port)
mkdir -p "$work/redis"
redis-server --port "$redis_port" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
  --dir "$work/redis" --pidfile "$work/redis/redis.pid" --logfile "$work/redis/redis.log" >/dev/null
for _ in $(seq 1 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
start_app Cruddur__Cache__Redis="127.0.0.1:$redis_port"
curl -fsS "$base/health/ready" | jq -e '.checks["feed-cache"].status == "Healthy"' >/dev/null \
  || { log "the cache is not healthy"; curl -sS "$base/health/ready" >&2; exit 1; }
log "warming up with the cache (${warmup} s)"
run_wrk warmup-cached "/api/activities/home?limit=20" "$warmup" >/dev/null
log "first page with the cache: ${duration} s, $connections connections"
first_cached=$(run_wrk first-cached "/api/activities/home?limit=20" "$duration")
log "deep page with the cache: ${duration} s, $connections connections"
deep_cached=$(run_wrk deep-cached "/api/activities/home?limit=20&before=$cursor" "$duration")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

rate() { jq -r '.requests / (.duration_us / 1e6)' <<<"$1"; }
ratio() { python3 -c "print(f'{$(rate "$1") / $(rate "$2"):.2f}')"; }
verdict() { # app-json pgbench-json -> met / not met for both targets
  python3 -c "import json,sys; a=json.loads(sys.argv[1]); print('met' if $(ratio "$1" "$2") >= 0.5 and a['p99_us'] <= 50000 else 'not met')" "$1"
}

row() { # scenario json
  jq -r --arg name "$1" '
    def ms: . / 1000 | (. * 100 | round) / 100;
    ($name) + " | " + ((.requests / (.duration_us / 1e6)) | round | tostring)
    + " | " + (.p50_us | ms | tostring) + " | " + (.p90_us | ms | tostring) + " | " + (.p99_us | ms | tostring)
    + " | " + (.max_us | ms | tostring) + " | " + (.requests | tostring)
    + " | " + ((.status_errors + .connect_errors + .read_errors + .write_errors + .timeouts) | tostring)' <<<"$2"
}

pool_description=$(jq -r '.Strata.Pool | "at most \(.MaxSize) physical connections"
  + (if .Multiplexing then ", multiplexed" else "" end)
  + (if (.MaxAutoPrepare // 0) > 0 then ", statements prepared automatically" else "" end)' examples/Cruddur/appsettings.json)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
{
  echo "## Home feed under load (Cruddur)"
  echo
  echo "<!-- Generated by bench/feed/run.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ); do not edit by hand. -->"
  echo
  echo "\`GET /api/activities/home?limit=20\` against $activities activities (1,000 authors), served by Cruddur built"
  echo "in Release on ASP.NET Core, with Npgsql's pool ($pool_description)"
  echo "and PostgreSQL on the same machine. Load from wrk over loopback: $threads threads, $connections"
  echo "connections, ${duration} s per scenario after a ${warmup} s warm-up. *First page* has no cursor; *deep page* passes a"
  echo "fixed keyset cursor $deep_offset activities deep: with keyset pagination it reads as few rows as the first."
  echo
  echo "The *pgbench* rows send the same statement the app sends for that page (prepared, as the app prepares it)"
  echo "straight to PostgreSQL, right after the app's run, over the same number of connections: the rate the database"
  echo "alone sustains for the query on this machine, and its latency per transaction. The *Redis cache on* rows run"
  echo "Cruddur again with \`Cruddur__Cache__Redis\` pointing at a local redis-server (Redis $(redis-server --version | grep -o 'v=[0-9.]*' | cut -c3-)): every page after"
  echo "the first request is served from the cache, since nothing writes during the run."
  echo
  echo "| Scenario | Requests/s | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | Requests | Errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  echo "| $(row "First page" "$first") |"
  echo "| $(row "pgbench, first page's query" "$first_pg") |"
  echo "| $(row "Deep page ($deep_offset in)" "$deep") |"
  echo "| $(row "pgbench, deep page's query" "$deep_pg") |"
  echo "| $(row "First page, Redis cache on" "$first_cached") |"
  echo "| $(row "Deep page, Redis cache on" "$deep_cached") |"
  echo
  echo "| Page | App ÷ pgbench | App p99 (ms) | Target (≥ 0.50×, p99 ≤ 50 ms) |"
  echo "|---|---:|---:|---|"
  echo "| First page | $(ratio "$first" "$first_pg")× | $(jq '.p99_us / 1000 | (. * 100 | round) / 100' <<<"$first") | $(verdict "$first" "$first_pg") |"
  echo "| Deep page | $(ratio "$deep" "$deep_pg")× | $(jq '.p99_us / 1000 | (. * 100 | round) / 100' <<<"$deep") | $(verdict "$deep" "$deep_pg") |"
  echo
  echo "Machine: $(nproc) CPUs ($cpu), shared by the app, PostgreSQL and wrk. Load average (1, 5, 15 min) before"
  echo "the timed runs: $load_before; after: $load_after. $(dotnet --version | sed 's/^/.NET SDK /'),"
  echo "$("$pg_bin/postgres" --version | sed 's/postgres (PostgreSQL)/PostgreSQL/'), $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)."
  echo "Seeding the 100,000 activities with \`generate_series\` took $(printf '%.1f' "$seed_seconds") s."
  echo
  echo "The deep page's query plan: an index scan of \`activities_home_feed_idx\` that starts at the cursor and"
  echo "stops after 21 rows (one more than the page, to know whether an older page exists)."
  echo
  echo '```'
  echo "$plan"
  echo '```'
} >"$here/results.md"
log "wrote bench/feed/results.md"
cat "$here/results.md"

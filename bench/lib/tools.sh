# The tools under test: installing them, and the exact command each runs. Sourced by run.sh.
# Needs BENCH_DIR (bench/), BENCH_OUT (bench/.out) and, for commands, BENCH_PORT from cluster.sh.

BENCH_TOOLS="$BENCH_DIR/.tools"
STRATA_BIN="$BENCH_OUT/strata/strata"
# dbmate's npm package is a Node wrapper around a Go binary; the binary is what users run in deploys.
DBMATE_BIN="$BENCH_TOOLS/node_modules/@dbmate/linux-x64/bin/dbmate"
NPM_MIGRATE_BIN="$BENCH_TOOLS/node_modules/.bin/node-pg-migrate"
ALEMBIC_BIN=/usr/bin/alembic
SQITCH_BIN=/usr/bin/sqitch

# Debian packages, installed only when something is missing so a second run does not touch apt.
install_debian_tools() {
  local missing=()
  command -v hyperfine >/dev/null || missing+=(hyperfine)
  [ -x /usr/bin/time ] || missing+=(time)
  [ -x "$ALEMBIC_BIN" ] || missing+=(alembic python3-alembic)
  /usr/bin/python3 -c 'import psycopg2' 2>/dev/null || missing+=(python3-psycopg2)
  [ -x "$SQITCH_BIN" ] || missing+=(sqitch)
  perl -MDBD::Pg -e 1 2>/dev/null || missing+=(libdbd-pg-perl)
  command -v npm >/dev/null || missing+=(npm)
  [ -n "$BENCH_PG_BIN" ] && [ -x "$BENCH_PG_BIN/pgbench" ] || missing+=(postgresql postgresql-contrib)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "bench: missing Debian packages (${missing[*]}); install them as root: apt-get install -y ${missing[*]}" >&2
    return 1
  fi
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  BENCH_PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  BENCH_PSQL="$BENCH_PG_BIN/psql"
  export BENCH_PG_BIN BENCH_PSQL
}

install_npm_tools() {
  if [ -x "$DBMATE_BIN" ] && [ -x "$NPM_MIGRATE_BIN" ] && [ -d "$BENCH_TOOLS/node_modules/pg" ]; then
    return 0
  fi
  say "installing dbmate, node-pg-migrate and pg into bench/.tools"
  mkdir -p "$BENCH_TOOLS"
  npm install --prefix "$BENCH_TOOLS" --no-audit --no-fund --no-save --loglevel=error dbmate node-pg-migrate pg >/dev/null
  [ -x "$DBMATE_BIN" ] || { echo "bench: dbmate's native binary is not at $DBMATE_BIN" >&2; return 1; }
}

# The JIT build (`-p:PublishAot=false`): the self-contained single file with ReadyToRun code, the build for a
# platform without the Native AOT binary (a framework-dependent `dotnet run` would measure the SDK instead).
# publish_strata quick: the same single file without ReadyToRun, which builds in seconds instead of minutes (the
# smoke test checks results, not speed).
publish_strata() {
  local out="$BENCH_OUT/strata" r2r=true kind="single-file ReadyToRun"
  if [ "${1:-}" = quick ]; then out="$BENCH_OUT/strata-quick" r2r=false kind="single-file, without ReadyToRun"; fi
  say "publishing strata (Release, linux-x64, $kind)"
  dotnet publish "$BENCH_DIR/../src/Strata.Cli" -c Release -r linux-x64 -p:PublishAot=false -p:PublishReadyToRun=$r2r -o "$out" -nologo \
    -v quiet >"$BENCH_OUT/publish.log" 2>&1 || { cat "$BENCH_OUT/publish.log" >&2; return 1; }
  STRATA_BIN="$out/strata"
}

# The Native AOT binary, its own row. Publishing it with warnings allowed keeps the benchmark independent of the
# state of the trimming annotations; what is measured is the binary.
publish_strata_aot() {
  local out="$BENCH_OUT/strata-aot"
  say "publishing strata (Release, linux-x64, Native AOT)"
  dotnet publish "$BENCH_DIR/../src/Strata.Cli" -c Release -r linux-x64 -p:PublishAot=true -p:TreatWarningsAsErrors=false \
    -o "$out" -nologo -v quiet >"$BENCH_OUT/publish-aot.log" 2>&1 || { cat "$BENCH_OUT/publish-aot.log" >&2; return 1; }
  STRATA_AOT_BIN="$out/strata"
}

tool_versions() {
  echo "strata	$("$STRATA_BIN" --version)"
  [ -z "${STRATA_AOT_BIN:-}" ] || echo "strata (Native AOT)	$("$STRATA_AOT_BIN" --version) ($(du -h "$STRATA_AOT_BIN" | cut -f1) binary)"
  echo "dbmate	$("$DBMATE_BIN" --version | sed 's/^dbmate version //')"
  echo "alembic	$("$ALEMBIC_BIN" --version | sed 's/^alembic //') (Python $(/usr/bin/python3 -c 'import platform, sqlalchemy, psycopg2; print(platform.python_version() + ", SQLAlchemy " + sqlalchemy.__version__ + ", psycopg2 " + psycopg2.__version__.split()[0])'))"
  echo "node-pg-migrate	$(node -p "require('$BENCH_TOOLS/node_modules/node-pg-migrate/package.json').version") (Node $(node --version), pg $(node -p "require('$BENCH_TOOLS/node_modules/pg/package.json').version"))"
  echo "sqitch	$("$SQITCH_BIN" --version | sed 's/^sqitch (App::Sqitch) //') (Perl $(perl -e 'print substr($^V, 1)'), its psql: $BENCH_PSQL)"
  echo "psql	$("$BENCH_PSQL" --version | sed 's/^psql (PostgreSQL) //')"
  echo "postgresql	$(admin -c 'SHOW server_version')"
  echo "hyperfine	$(hyperfine --version | sed 's/^hyperfine //')"
  echo "pgbench	$("$BENCH_PG_BIN/pgbench" --version | sed 's/^pgbench (PostgreSQL) //')"
}

# tool_cmd TOOL ACTION DB MIGRATIONS: sets CMD to the argv of TOOL doing ACTION (apply, noop, status) on database DB
# with the migrations generated under MIGRATIONS. Every tool runs with its defaults, except dbmate's schema dump
# (it would run pg_dump after every migrate; Strata has no such step).
tool_cmd() {
  local tool=$1 action=$2 db=$3 m=$4 url
  url=$(db_url "$db")
  local pg=(-X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_PORT" -U postgres -d "$db")
  case "$tool:$action" in
    strata:apply | strata:noop) CMD=("$STRATA_BIN" up --database-url "$url" --migrations-dir "$m/sql") ;;
    strata-retries:apply) CMD=("$STRATA_BIN" up --database-url "$url" --migrations-dir "$m/sql" --lock-retries 10) ;;
    strata-short:apply) CMD=("$STRATA_BIN" up --database-url "$url" --migrations-dir "$m/sql" --lock-timeout 1s --lock-retries 10) ;;
    strata:status) CMD=("$STRATA_BIN" status --database-url "$url" --migrations-dir "$m/sql") ;;
    strata_aot:apply | strata_aot:noop) CMD=("$STRATA_AOT_BIN" up --database-url "$url" --migrations-dir "$m/sql") ;;
    strata_aot:status) CMD=("$STRATA_AOT_BIN" status --database-url "$url" --migrations-dir "$m/sql") ;;
    # As a run that finds every file changed since the last (a fresh checkout, a CI machine): every file read and hashed.
    strata_aot_cold:noop) CMD=(env STRATA_CACHE_DIR=off "$STRATA_AOT_BIN" up --database-url "$url" --migrations-dir "$m/sql") ;;
    strata_aot_cold:status) CMD=(env STRATA_CACHE_DIR=off "$STRATA_AOT_BIN" status --database-url "$url" --migrations-dir "$m/sql") ;;
    dbmate:apply | dbmate:noop) CMD=("$DBMATE_BIN" --url "$url" --migrations-dir "$m/sql" --no-dump-schema migrate) ;;
    dbmate:status) CMD=("$DBMATE_BIN" --url "$url" --migrations-dir "$m/sql" status) ;;
    alembic:apply | alembic:noop) CMD=("$ALEMBIC_BIN" -c "$m/alembic/alembic.ini" -x "url=${url/postgres:/postgresql:}" upgrade head) ;;
    alembic:status) CMD=("$ALEMBIC_BIN" -c "$m/alembic/alembic.ini" -x "url=${url/postgres:/postgresql:}" current) ;;
    # node-pg-migrate reads its URL from the environment variable it is told; run.sh exports it per database.
    npm:apply | npm:noop) CMD=("$NPM_MIGRATE_BIN" up -m "$m/node-pg-migrate" -d "BENCH_NPM_URL_$db") ;;
    sqitch:apply | sqitch:noop) CMD=("$SQITCH_BIN" --chdir "$m/sqitch" deploy "db:pg://postgres@127.0.0.1:$BENCH_PORT/$db") ;;
    sqitch:status) CMD=("$SQITCH_BIN" --chdir "$m/sqitch" status "db:pg://postgres@127.0.0.1:$BENCH_PORT/$db") ;;
    psql1:apply) CMD=("$BENCH_PSQL" "${pg[@]}" -1 -f "$m/psql/all.sql") ;;
    psqltx:apply) CMD=("$BENCH_PSQL" "${pg[@]}" -f "$m/psql/per_tx.sql") ;;
    psqlflush:apply) CMD=("$BENCH_PSQL" "${pg[@]}" -f "$m/psql/per_tx_one_flush.sql") ;;
    psql:apply) CMD=("$BENCH_PSQL" "${pg[@]}" -f "$m/psql/add.sql") ;;
    select1:*) CMD=("$BENCH_PSQL" "${pg[@]}" -c 'select 1') ;;
    createdb:*) CMD=("$BENCH_PSQL" -X -q -h 127.0.0.1 -p "$BENCH_PORT" -U postgres -d postgres -c 'CREATE DATABASE cdb') ;;
    *) echo "bench: no command for $tool $action" >&2; return 1 ;;
  esac
  # node-pg-migrate takes the URL from an environment variable named after the database.
  export "BENCH_NPM_URL_$db=$url"
}

tool_label() {
  case "$1" in
    strata) echo "Strata (JIT)" ;;
    strata_aot) echo "Strata (Native AOT)" ;;
    strata_aot_cold) echo "Strata (Native AOT), no checksum cache" ;;
    strata-retries) echo "Strata --lock-retries 10" ;;
    strata-short) echo "Strata --lock-timeout 1s --lock-retries 10" ;;
    dbmate) echo "dbmate" ;;
    alembic) echo "Alembic" ;;
    npm) echo "node-pg-migrate" ;;
    sqitch) echo "sqitch" ;;
    psql1) echo "psql -1 -f all.sql" ;;
    psqltx) echo "psql, BEGIN/COMMIT per migration" ;;
    psqlflush) echo "psql, BEGIN/COMMIT per migration, one flush" ;;
    psql) echo "psql -f" ;;
    select1) echo "psql -c 'select 1'" ;;
    createdb) echo "CREATE DATABASE alone" ;;
    none) echo "no migration (control)" ;;
  esac
}

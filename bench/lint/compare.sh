#!/bin/bash
# Runs the lint corpus (tests/Strata.Lint.Tests/Corpus/cases, each file headed by its expected verdict) through
# Strata static-only, Strata with a reference database (--dynamic) and Squawk, and counts right verdicts, misses
# (expected error, reported nothing at error level), false positives (expected ok, reported an error) and the wall
# time per file (one process per file, start-up included). Results: bench/.work/lint-compare/results.md.
#
#   bash bench/lint/compare.sh
# COMPARE_SERVER_URL=postgres://user@127.0.0.1:port/postgres uses that server for the reference and scratch
# databases; without it the script starts the local cluster of a scratch project (`strata local url`).
# SQUAWK_BIN=path/to/squawk skips `npm install squawk-cli` into a temporary directory.
set -euo pipefail

LINT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$(dirname "$LINT_DIR")")
CASES="$REPO_DIR/tests/Strata.Lint.Tests/Corpus/cases"
REFERENCE_SQL="$REPO_DIR/tests/Strata.Lint.Tests/Corpus/reference.sql"
WORK="$REPO_DIR/bench/.work/lint-compare"
rm -rf "$WORK"
mkdir -p "$WORK/project"

STRATA=${STRATA_BIN:-}
if [ -z "$STRATA" ]; then
  dotnet build "$REPO_DIR/src/Strata.Cli/Strata.Cli.csproj" -c Release -nologo -v quiet >/dev/null
  STRATA="$REPO_DIR/src/Strata.Cli/bin/Release/net10.0/strata"
fi

SQUAWK=${SQUAWK_BIN:-}
if [ -z "$SQUAWK" ]; then
  if (cd "$WORK" && npm install --no-audit --no-fund --silent squawk-cli >/dev/null 2>"$WORK/npm.log"); then
    SQUAWK="$WORK/node_modules/.bin/squawk"
  else
    echo "squawk-cli could not be installed (see $WORK/npm.log); comparing Strata only" >&2
  fi
fi

SERVER=${COMPARE_SERVER_URL:-}
if [ -z "$SERVER" ]; then
  LOCAL=$(cd "$WORK/project" && "$STRATA" local url)
  SERVER="${LOCAL%/*}/postgres"
fi
REF_DB="strata_lint_corpus_$$"
REFERENCE="${SERVER%/*}/$REF_DB"
cleanup() {
  psql -X -q "$SERVER" -c "DROP DATABASE IF EXISTS $REF_DB" >/dev/null 2>&1 || true
  if [ -z "${COMPARE_SERVER_URL:-}" ]; then (cd "$WORK/project" && "$STRATA" local stop >/dev/null 2>&1) || true; fi
}
trap cleanup EXIT
psql -X -q -v ON_ERROR_STOP=1 "$SERVER" -c "CREATE DATABASE $REF_DB" >/dev/null
psql -X -q -v ON_ERROR_STOP=1 "$REFERENCE" -f "$REFERENCE_SQL" >/dev/null

# Squawk's rules about timeouts, re-runnable statements and column-type taste are left out: Strata sets
# lock_timeout and statement_timeout itself and runs each migration in a transaction, and the corpus judges lock,
# rewrite, scan and failure hazards only (Strata's own design rules are info or warning, never an error).
SQUAWK_EXCLUDE=require-lock-timeout,require-statement-timeout,require-timeout-settings,prefer-robust-stmts,prefer-text-field,prefer-bigint-over-int,prefer-bigint-over-smallint,prefer-identity,prefer-timestamptz,ban-char-field

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Prints "error" or "ok" for one tool on one case, and appends its time to $WORK/<tool>.ms.
verdict() {
  local tool=$1 file=$2 start end out
  start=$(now_ms)
  case "$tool" in
    static)
      out=$("$STRATA" lint "$file" --format json --fail-on none --postgres-version 15)
      end=$(now_ms)
      python3 -c 'import json,sys; print("error" if json.load(sys.stdin)["summary"]["errors"] else "ok")' <<<"$out" ;;
    dynamic)
      out=$("$STRATA" lint "$file" --format json --fail-on none --postgres-version 15 --dynamic --database-url "$REFERENCE" --scratch-url "$SERVER")
      end=$(now_ms)
      python3 -c 'import json,sys; print("error" if json.load(sys.stdin)["summary"]["errors"] else "ok")' <<<"$out" ;;
    squawk)
      local assume=--assume-in-transaction
      grep -q 'transaction:false' "$file" && assume=--no-assume-in-transaction
      out=$("$SQUAWK" --reporter json --pg-version 15.0 "$assume" --exclude "$SQUAWK_EXCLUDE" "$file" 2>/dev/null || true)
      end=$(now_ms)
      python3 -c 'import json,sys; t=sys.stdin.read().strip(); print("error" if t and json.loads(t) else "ok")' <<<"$out" ;;
  esac
  echo $(( end - start )) >>"$WORK/$tool.ms"
}

TOOLS=(static dynamic)
[ -n "$SQUAWK" ] && TOOLS+=(squawk)
printf 'case\texpected' >"$WORK/verdicts.tsv"
printf '\t%s' "${TOOLS[@]}" >>"$WORK/verdicts.tsv"
echo >>"$WORK/verdicts.tsv"
for file in "$CASES"/*.sql; do
  expected=$(sed -n 's/^-- expect: //p' "$file")
  row="$(basename "$file" .sql)\t$expected"
  for tool in "${TOOLS[@]}"; do
    row="$row\t$(verdict "$tool" "$file")"
  done
  printf "$row\n" >>"$WORK/verdicts.tsv"
done

python3 - "$WORK" "${TOOLS[@]}" <<'PY'
import sys, statistics
work, tools = sys.argv[1], sys.argv[2:]
rows = [l.rstrip("\n").split("\t") for l in open(f"{work}/verdicts.tsv")][1:]
names = {"static": "Strata, static only", "dynamic": "Strata, with the reference database", "squawk": "Squawk"}
lines = ["| Linter | Right verdicts | Misses | False positives (of %d safe) | Median ms per file |" % sum(r[1] == "ok" for r in rows),
         "|---|---:|---:|---:|---:|"]
for i, tool in enumerate(tools):
    got = [(r[1], r[2 + i]) for r in rows]
    right = sum(e == g for e, g in got)
    misses = sum(e == "error" and g == "ok" for e, g in got)
    false_positives = sum(e == "ok" and g == "error" for e, g in got)
    ms = statistics.median(int(x) for x in open(f"{work}/{tool}.ms"))
    lines.append(f"| {names[tool]} | {right}/{len(rows)} ({100 * right / len(rows):.0f}%) | {misses} | {false_positives} | {ms:.0f} |")
wrong = [r for r in rows if any(r[1] != v for v in r[2:])]
lines += ["", "Cases some linter got wrong (expected, then " + ", ".join(tools) + "):", ""]
lines += [f"- `{r[0]}`: {r[1]} → " + ", ".join(r[2:]) for r in wrong]
text = "\n".join(lines) + "\n"
open(f"{work}/results.md", "w").write(text)
print(text)
PY

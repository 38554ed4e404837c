#!/usr/bin/env bash
# Runs the CLI tests and the scenarios' process door against the Native AOT strata, the binary that ships, after
# the usual run against the JIT build. Builds the release archive once (scripts/release.sh, into artifacts/release
# or STRATA_RELEASE_DIR), points STRATA_BIN at the binary unpacked from it (tests/Strata.Cli.Tests/Support/
# StrataBinary.cs, tests/Strata.Scenarios/Doors/ProcessDoor.cs), and runs the already built test projects with
# --no-build. So the archive users download is what these tests run. Arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(realpath -m "${STRATA_RELEASE_DIR:-artifacts/release}")
started=$SECONDS
bash scripts/release.sh "$out"
published=$SECONDS

archives=("$out"/strata-*-linux-x64.tar.gz)
if [ ${#archives[@]} -ne 1 ] || [ ! -f "${archives[0]}" ]; then
  echo "aot-tests: expected one archive in $out, found: ${archives[*]}" >&2
  exit 1
fi
unpacked=$(mktemp -d "${TMPDIR:-/tmp}/strata-aot.XXXXXX")
trap 'rm -rf "$unpacked"' EXIT
tar -xzf "${archives[0]}" -C "$unpacked"
binary=$(echo "$unpacked"/strata-*-linux-x64/strata)
if [ ! -x "$binary" ] || [ ! -f "$(dirname "$binary")/libpg_query.so.1504.0" ]; then
  echo "aot-tests: the archive lacks strata or libpg_query.so.1504.0" >&2
  exit 1
fi
echo "aot-tests: release built in $((published - started)) s; binary $(du -k "$binary" | cut -f1) KB"

export STRATA_BIN="$binary"
status=0
# The packaging tests build packages of their own; the rest all go through the binary.
dotnet test tests/Strata.Cli.Tests -c Release --no-build --nologo --filter "Category!=Packaging" "$@" || status=$?
dotnet test tests/Strata.Scenarios -c Release --no-build --nologo --filter "DisplayName~process" "$@" || status=$?
echo "aot-tests: release $((published - started)) s, tests $((SECONDS - published)) s"
exit "$status"

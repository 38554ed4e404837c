#!/usr/bin/env bash
# Runs the CLI tests and the scenarios' process door against the Native AOT strata, the binary that ships, after
# the usual run against the JIT build. Publishes the binary once (into artifacts/aot/, or STRATA_AOT_DIR), points
# STRATA_BIN at it (tests/Strata.Cli.Tests/Support/StrataBinary.cs, tests/Strata.Scenarios/Doors/ProcessDoor.cs)
# and runs the already built test projects with --no-build. Arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${STRATA_AOT_DIR:-artifacts/aot}"
started=$SECONDS
dotnet publish src/Strata.Cli/Strata.Cli.csproj -c Release -r linux-x64 -o "$out" -nologo -v quiet --disable-build-servers
published=$SECONDS
[ -x "$out/strata" ] || { echo "aot-tests: $out/strata was not produced" >&2; exit 1; }
[ -f "$out/libpg_query.so.1504.0" ] || { echo "aot-tests: libpg_query was not published beside the binary (install libpg-query1504.0)" >&2; exit 1; }
echo "aot-tests: published $(du -k "$out/strata" | cut -f1) KB in $((published - started)) s"

export STRATA_BIN="$PWD/$out/strata"
status=0
# The packaging tests build packages of their own; the rest all go through the binary.
dotnet test tests/Strata.Cli.Tests -c Release --no-build --nologo --filter "Category!=Packaging" "$@" || status=$?
dotnet test tests/Strata.Scenarios -c Release --no-build --nologo --filter "DisplayName~process" "$@" || status=$?
echo "aot-tests: publish $((published - started)) s, tests $((SECONDS - published)) s"
exit "$status"

#!/usr/bin/env bash
# The whole test suite: installs prerequisites, builds, runs every test project against a PostgreSQL that the
# test fixture starts itself (or STRATA_TEST_DATABASE_URL when set), then the deployment checks (linters, Terraform,
# the stacks and the CD script against an AWS emulator on 127.0.0.1). Arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prereqs.sh
dotnet build Strata.slnx -c Release -warnaserror -nologo -v quiet
status=0
dotnet test Strata.slnx -c Release --no-build --nologo "$@" || status=$?
# The same CLI and process-door tests again, against the Native AOT binary that ships.
bash scripts/aot-tests.sh "$@" || status=$?
bash deploy/tests/run.sh || status=$?
exit "$status"

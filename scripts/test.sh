#!/usr/bin/env bash
# The whole test suite: installs prerequisites, builds, and runs every test project against a PostgreSQL that the
# test fixture starts itself (or STRATA_TEST_DATABASE_URL when set).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prereqs.sh
dotnet build Strata.slnx -c Release -warnaserror -nologo -v quiet
dotnet test Strata.slnx -c Release --no-build --nologo "$@"

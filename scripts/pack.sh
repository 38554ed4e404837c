#!/usr/bin/env bash
# Packs every package Strata ships into one folder (default artifacts/packages): Strata.Core, Strata.AspNetCore
# and the strata .NET tool as RID-specific packages (the pointer package Strata.Cli, Strata.Cli.linux-x64 with the
# Native AOT binary and libpg_query, Strata.Cli.any framework-dependent for every other platform), each with its
# .snupkg. Versions come from git tags (MinVer). STRATA_BASELINE_VERSION=1.2.3 validates the libraries against
# that released version (package validation's baseline); docs/packaging.md.
#
#   bash scripts/pack.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(realpath -m "${1:-artifacts/packages}")
mkdir -p "$out"
common=(-c Release -o "$out" -nologo -v quiet --disable-build-servers -p:NuGetAudit=false)
libraries=("${common[@]}")
[ -z "${STRATA_BASELINE_VERSION:-}" ] || libraries+=("-p:PackageValidationBaselineVersion=$STRATA_BASELINE_VERSION")

dotnet pack src/Strata.Core/Strata.Core.csproj "${libraries[@]}"
dotnet pack src/Strata.AspNetCore/Strata.AspNetCore.csproj "${libraries[@]}"
dotnet pack src/Strata.Cli/Strata.Cli.csproj "${common[@]}"
# The tool package takes the publish folder whole: start it empty, so nothing from an earlier publish rides along.
rm -rf src/Strata.Cli/bin/Release/net10.0/linux-x64/publish
# Restored per RID explicitly: a pack's implicit restore can keep the assets file the RID-less pack just wrote.
dotnet restore src/Strata.Cli/Strata.Cli.csproj -r linux-x64 -p:NuGetAudit=false -v quiet
dotnet pack src/Strata.Cli/Strata.Cli.csproj -r linux-x64 --no-restore "${common[@]}"
dotnet restore src/Strata.Cli/Strata.Cli.csproj -r any -p:PublishAot=false -p:NuGetAudit=false -v quiet
dotnet pack src/Strata.Cli/Strata.Cli.csproj -r any -p:PublishAot=false --no-restore "${common[@]}"

# The linux-x64 tool must carry the parser, or `strata lint` fails for everyone who installs it.
for aot in "$out"/Strata.Cli.linux-x64.*.nupkg; do
  unzip -l "$aot" | grep -q 'libpg_query.so.1504.0' ||
    { echo "pack: $aot does not carry libpg_query.so.1504.0 (install libpg-query1504.0)" >&2; exit 1; }
done
ls -1 "$out"

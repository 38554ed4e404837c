#!/usr/bin/env bash
# Builds the release of the strata command from one Native AOT publish:
#   OUTPUT_DIR/strata-<version>-linux-x64.tar.gz   the binary, libpg_query, LICENSE, README.md, THIRD-PARTY-NOTICES
#   OUTPUT_DIR/strata-<version>-linux-x64.tar.gz.sha256
#   the image strata:<version> (deploy/docker/strata.Dockerfile), with --image, built by buildah or docker
#
#   bash scripts/release.sh [--image] [OUTPUT_DIR]      (OUTPUT_DIR defaults to artifacts/release)
#
# The version is the one MinVer gave the binary (from the latest v* tag), without the commit suffix.
set -euo pipefail
cd "$(dirname "$0")/.."

image=0
if [ "${1:-}" = "--image" ]; then image=1; shift; fi
out=$(realpath -m "${1:-artifacts/release}")
publish="$out/publish"
rm -rf "$publish" "$out"/strata-*-linux-x64 "$out"/strata-*-linux-x64.tar.gz "$out"/strata-*-linux-x64.tar.gz.sha256
mkdir -p "$out"

dotnet publish src/Strata.Cli/Strata.Cli.csproj -c Release -r linux-x64 -o "$publish" -nologo -v quiet --disable-build-servers
for file in strata libpg_query.so.1504.0; do
  [ -f "$publish/$file" ] || { echo "release: the publish did not produce $file (libpg_query comes from libpg-query1504.0)" >&2; exit 1; }
done

version=$("$publish/strata" --version)
version=${version%%+*}
name="strata-$version-linux-x64"
stage="$out/$name"
rm -rf "$stage"
mkdir -p "$stage"
cp "$publish/strata" "$publish/libpg_query.so.1504.0" LICENSE README.md "$stage/"
{
  echo "strata is distributed under the MIT licence (LICENSE). It carries libpg_query.so.1504.0, PostgreSQL's parser"
  echo "as a library, from Debian's libpg-query1504.0 package; its copyright and licences follow."
  echo
  cat /usr/share/doc/libpg-query1504.0/copyright 2>/dev/null ||
    echo "libpg_query: Copyright (c) 2015, Lukas Fittl; BSD 3-Clause licence. PostgreSQL: PostgreSQL Licence."
} >"$stage/THIRD-PARTY-NOTICES"
chmod 0755 "$stage/strata"
chmod 0644 "$stage/libpg_query.so.1504.0" "$stage/LICENSE" "$stage/README.md" "$stage/THIRD-PARTY-NOTICES"

# Same bytes for the same inputs: fixed order, owner and times.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='@0' -C "$out" -czf "$out/$name.tar.gz" "$name"
(cd "$out" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
echo "release: $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1); binary $(du -h "$stage/strata" | cut -f1))"

if [ "$image" -eq 1 ]; then
  tag="strata:$version"
  if command -v buildah >/dev/null; then
    buildah bud -q -f deploy/docker/strata.Dockerfile -t "$tag" "$stage"
  elif command -v docker >/dev/null; then
    docker build -q -f deploy/docker/strata.Dockerfile -t "$tag" "$stage"
  else
    echo "release: --image needs buildah or docker" >&2
    exit 1
  fi
  echo "release: image $tag"
fi

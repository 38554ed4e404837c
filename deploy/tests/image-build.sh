#!/usr/bin/env bash
# Builds the app image from deploy/docker/app.Dockerfile with buildah (no Docker engine needed) and runs it:
# `strata --version` must run in it, the migration task's command must apply the example's migrations, and the
# app must answer /health/live and /health/ready, also through the image's own health check command.
#
# Offline by design: the base image (BASE_IMAGE) is a Debian bookworm root file system made with debootstrap
# from the machine's apt mirror, holding what runtime-deps holds; the build stage (SDK_IMAGE) is that base with
# the machine's .NET SDK, NuGet cache and CA certificates (so restore trusts the package feed the machine uses)
# mounted into the build. The Dockerfile itself is used unchanged.
#
# Slow (several minutes) and needs root; run.sh runs it only with STRATA_IMAGE_TEST=1. Images are kept under
# STRATA_IMAGE_CACHE (default /var/cache/strata-image-test) so a second run skips debootstrap.
set -euo pipefail
# shellcheck source=deploy/tests/lib.sh
source "$(dirname "$0")/lib.sh"

[ "$(id -u)" -eq 0 ] || die "image-build.sh needs root (buildah with the vfs driver and chroot isolation)"
[ -f "$REPO_DIR/examples/Cruddur/Cruddur.csproj" ] || die "examples/Cruddur/Cruddur.csproj is missing: there is no app to build"
for tool in buildah debootstrap; do
  command -v "$tool" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null; }
done
command -v dotnet >/dev/null || die "the .NET SDK is needed for the build stage"
command -v initdb >/dev/null || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || die "PostgreSQL's server binaries are needed"

make_scratch
cache="${STRATA_IMAGE_CACHE:-/var/cache/strata-image-test}"
mkdir -p "$cache"
B=(buildah --root "$cache/storage" --runroot "$SCRATCH/runroot" --storage-driver vfs)
BASE=localhost/strata-test/runtime-deps:bookworm
SDK=localhost/strata-test/sdk:10
IMAGE=localhost/strata-test/cruddur:test
pg_dir="$SCRATCH/pg"
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  [ ! -f "$pg_dir/data/postmaster.pid" ] || runuser -u postgres -- pg_ctl -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  "${B[@]}" rm --all >/dev/null 2>&1 || true
  # Keep the base images (they save the debootstrap); drop the app image and build leftovers.
  "${B[@]}" rmi -f "$IMAGE" >/dev/null 2>&1 || true
  "${B[@]}" rmi --prune >/dev/null 2>&1 || true
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
pg_bin=$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1 || true)
[ -z "$pg_bin" ] || PATH="$PATH:$(dirname "$pg_bin")"

has_image() { "${B[@]}" inspect --type image "$1" >/dev/null 2>&1; }

# commit_rootfs IMAGE: a new image from the scratch root file system in $SCRATCH/rootfs.
commit_rootfs() {
  local ctr mnt
  ctr=$("${B[@]}" from scratch)
  mnt=$("${B[@]}" mount "$ctr")
  tar -C "$SCRATCH/rootfs" -cf - . | tar -C "$mnt" -xf -
  "${B[@]}" umount "$ctr" >/dev/null
  "${B[@]}" config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --cmd /bin/bash "$ctr"
  "${B[@]}" commit -q "$ctr" "$1" >/dev/null
  "${B[@]}" rm "$ctr" >/dev/null
}

started=$SECONDS
if ! has_image "$BASE"; then
  apt_mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$apt_mirror" ] || apt_mirror=$(awk '/^deb / { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$apt_mirror" ] || die "no Debian mirror in /etc/apt/sources.list*"
  note "debootstrap bookworm from $apt_mirror"
  # The libraries of mcr.microsoft.com/dotnet/runtime-deps:10.0-bookworm-slim.
  quiet "debootstrap failed" debootstrap --variant=minbase \
    --include=ca-certificates,libssl3,zlib1g,libicu72,tzdata,libstdc++6,libgcc-s1 bookworm "$SCRATCH/rootfs" "$apt_mirror"
  rm -rf "$SCRATCH/rootfs/var/lib/apt/lists/"* "$SCRATCH/rootfs/var/cache/apt/"*.bin "$SCRATCH/rootfs/var/cache/apt/archives/"*.deb
  commit_rootfs "$BASE"
  # The SDK stage: the same system with a dotnet command; the SDK is mounted at /usr/share/dotnet by the build.
  ln -s /usr/share/dotnet/dotnet "$SCRATCH/rootfs/usr/bin/dotnet"
  commit_rootfs "$SDK"
  rm -rf "$SCRATCH/rootfs"
  note "base images made ($((SECONDS - started))s)"
fi

started=$SECONDS
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
# Docker's image format: the OCI format has no HEALTHCHECK, and Docker builds keep it.
"${B[@]}" bud --isolation chroot --format docker --layers=false -q \
  -f "$DEPLOY_DIR/docker/app.Dockerfile" --ignorefile "$DEPLOY_DIR/docker/app.Dockerfile.dockerignore" \
  --build-arg BASE_IMAGE="$BASE" --build-arg SDK_IMAGE="$SDK" \
  -v "$dotnet_root:/usr/share/dotnet:ro" -v "$HOME/.nuget/packages:/root/.nuget/packages" \
  -v /etc/ssl/certs:/etc/ssl/certs:ro \
  -t "$IMAGE" "$REPO_DIR" >"$SCRATCH/build.log" 2>&1 ||
  { grep -E "error|Error|STEP" "$SCRATCH/build.log" | tail -n 40 >&2; die "buildah bud failed"; }
config=$("${B[@]}" inspect --type image "$IMAGE")
size=$("${B[@]}" images --format '{{.Size}}' "$IMAGE")
note "built $IMAGE ($size, $((SECONDS - started))s)"
jq -e '.Docker.config.User == "1654"' <<<"$config" >/dev/null || die "the image does not run as the non-root user 1654"
jq -e '.Docker.config.Healthcheck.Test | index("/health/live")' <<<"$config" >/dev/null || die "the image has no health check on /health/live"
jq -e '.Docker.config.Cmd == ["/app/Cruddur"]' <<<"$config" >/dev/null || die "the image's command is not the app"

ctr=$("${B[@]}" from -q "$IMAGE")
in_image() { "${B[@]}" run --isolation chroot "$@"; }

version=$(in_image "$ctr" -- strata --version 2>&1) || { echo "$version" >&2; die "strata --version failed in the image"; }
note "strata --version in the image: $version"

# A throwaway PostgreSQL on loopback for the migration task's command and the app's readiness.
pg_port=$(free_port)
chmod 755 "$SCRATCH"  # the postgres user must reach its data directory inside
mkdir -p "$pg_dir" && chown postgres "$pg_dir"
quiet "initdb failed" runuser -u postgres -- initdb -D "$pg_dir/data" -A trust -U postgres
quiet "PostgreSQL did not start" runuser -u postgres -- pg_ctl -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" start
quiet "createdb failed" runuser -u postgres -- createdb -h 127.0.0.1 -p "$pg_port" cruddur
url="postgres://postgres@127.0.0.1:$pg_port/cruddur"

# The migration task's command, exactly as deploy/terraform/app/ecs.tf gives it.
# (no DB_ADMIN_USER here, so strata-migrate skips the roles' bootstrap: deploy/tests/migration-task.sh tests that).
migrate=$(in_image --env DATABASE_URL="$url" "$ctr" -- strata-migrate up --migrations-dir /app/db/migrations 2>&1) ||
  { echo "$migrate" >&2; die "the migration command failed in the image"; }
note "strata-migrate up in the image applied the example's migrations"

# The app itself (chroot isolation shares the host's network, so it listens on the host's loopback).
app_port=$(free_port)
# Started directly, not through in_image, so that $! is buildah's own process: stopping it stops the app.
"${B[@]}" run --isolation chroot --env ASPNETCORE_URLS="http://127.0.0.1:$app_port" --env DATABASE_URL="$url" \
  "$ctr" -- /app/Cruddur >"$SCRATCH/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 300); do
  curl -fsS -o /dev/null "http://127.0.0.1:$app_port/health/live" 2>/dev/null && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$SCRATCH/app.log" >&2; die "the app exited"; }
  sleep 0.2
done
curl -fsS -o /dev/null "http://127.0.0.1:$app_port/health/live" || { cat "$SCRATCH/app.log" >&2; die "/health/live did not answer 200"; }
curl -fsS -o /dev/null "http://127.0.0.1:$app_port/health/ready" || { cat "$SCRATCH/app.log" >&2; die "/health/ready did not answer 200"; }
in_image --env HEALTHCHECK_PORT="$app_port" "$ctr" -- /usr/local/bin/healthcheck /health/live >/dev/null ||
  die "the image's own health check command failed"
note "the app answers /health/live and /health/ready; the image's health check passes"

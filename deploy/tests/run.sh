#!/usr/bin/env bash
# Every deployment check, offline: linters, Terraform (fmt, validate, mocked-provider tests), the migration task's
# command against a local PostgreSQL, a password rotation under the running app, the stacks and the CD script
# against moto_server on 127.0.0.1. Installs the linters it needs first. Exits non-zero on any failure.
#
#   bash deploy/tests/run.sh                 all checks
#   bash deploy/tests/run.sh lint terraform  some parts: lint, terraform, migration-task, rotation, emulator,
#                                            feed-cache-emulator, image
#
# STRATA_IMAGE_TEST=1 adds the image part: build the app image with buildah and run it (image-build.sh; slow,
# needs root and a Debian mirror).
set -euo pipefail
cd "$(dirname "$0")"

parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(lint terraform migration-task rotation emulator feed-cache-emulator)
[ "${STRATA_IMAGE_TEST:-0}" != 1 ] || parts+=(image)
for part in "${parts[@]}"; do
  [ -f "$part.sh" ] || [ "$part" = terraform ] || [ "$part" = image ] ||
    { echo "run.sh: unknown part '$part' (lint, terraform, migration-task, rotation, emulator, feed-cache-emulator, image)" >&2; exit 2; }
done

bash tools.sh

logs=$(mktemp -d "${TMPDIR:-/tmp}/strata-deploy-checks.XXXXXX")
trap 'rm -rf "$logs"' EXIT
script_of() {
  case "$1" in
    terraform) echo terraform-static.sh ;;
    image) echo image-build.sh ;;
    *) echo "$1.sh" ;;
  esac
}

# A part runs with its output kept in a log, shown whole when the part ends, so parts can overlap.
run_part() {
  local part="$1" started=$SECONDS status=0
  bash "$(script_of "$part")" >"$logs/$part.log" 2>&1 || status=$?
  {
    echo "deploy checks: $part"
    cat "$logs/$part.log"
    if [ "$status" -eq 0 ]; then
      echo "deploy checks: $part ok ($((SECONDS - started))s)"
    else
      echo "deploy checks: $part FAILED ($((SECONDS - started))s)"
    fi
  } >&2
  return "$status"
}

# The emulator part spends most of its time in the Terraform provider's fixed waits (RDS, load balancer):
# it runs beside the other parts, which need the CPU.
declare -A pids
for part in "${parts[@]}"; do
  if [ "$part" = emulator ]; then
    run_part emulator &
    pids[emulator]=$!
  fi
done
passed=0
failed=0
for part in "${parts[@]}"; do
  [ "$part" != emulator ] || continue
  if run_part "$part"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
if [ -n "${pids[emulator]:-}" ]; then
  if wait "${pids[emulator]}"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
fi
echo "deploy checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

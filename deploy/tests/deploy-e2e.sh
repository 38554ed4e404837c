#!/usr/bin/env bash
# deploy.sh end to end against moto (started by emulator.sh; AWS_ENDPOINT_URL points at it), with the applied
# app stack's outputs. shim/aws plays the migration container: success, failure, never started, rejected, hang.
# Usage: deploy-e2e.sh APP_STACK_DIR
set -euo pipefail
# shellcheck source=deploy/tests/lib.sh
source "$(dirname "$0")/lib.sh"
: "${AWS_ENDPOINT_URL:?run this from emulator.sh, which starts moto}"
app_dir="${1:?usage: deploy-e2e.sh APP_STACK_DIR}"
work=$(mktemp -d "${TMPDIR:-/tmp}/strata-deploy-e2e.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The aws CLI v1 ignores AWS_ENDPOINT_URL for some services: the checks' own calls name the endpoint.
awsm() { aws --endpoint-url "$AWS_ENDPOINT_URL" "$@"; }

output() { terraform -chdir="$app_dir" output -raw "$1"; }
output_list() { terraform -chdir="$app_dir" output -json "$1" | jq -r 'join(",")'; }
cluster=$(output cluster_name)
service=$(output service_name)
app_family=$(output app_task_family)
migration_family=$(output migration_task_family)
subnets=$(output_list private_subnet_ids)
migration_groups=$(output_list migration_security_group_ids)
real_aws=$(command -v aws)

service_revision() {
  awsm ecs describe-services --cluster "$cluster" --services "$service" --output json | jq -r '.services[0].taskDefinition'
}
image_of() {
  awsm ecs describe-task-definition --task-definition "$1" --output json | jq -r '.taskDefinition.containerDefinitions[0].image'
}

# run_deploy OUTCOME IMAGE [deploy.sh options]: sets out, status and state (the shim's notes, fresh for each run) for
# the asserts.
run_deploy() {
  local outcome="$1" image="$2"
  shift 2
  state="$work/$outcome"
  rm -rf "$state"
  mkdir -p "$state"
  status=0
  out=$(PATH="$TESTS_DIR/shim:$PATH" SHIM_REAL_AWS="$real_aws" SHIM_STATE="$state" SHIM_OUTCOME="$outcome" \
    bash "$DEPLOY_DIR/scripts/deploy.sh" --cluster "$cluster" --service "$service" --app-family "$app_family" \
    --migration-family "$migration_family" --image "$image" --poll 1 "$@" 2>&1) || status=$?
}

expect() {
  local what="$1"
  shift
  "$@" || { echo "$out" >&2; die "$what"; }
}
has() { grep -qF -- "$1" <<<"$out"; }
last_line_has() { tail -n 1 <<<"$out" | grep -qF -- "$1"; }
service_untouched() {
  [ "$(service_revision)" = "$before" ] && ! grep -q "ecs update-service" "$state/calls"
}

# 1. The migration exits 0: the service moves to a new revision with the new image. The task's network comes
# from the service itself (no --subnets given).
before=$(service_revision)
run_deploy success registry.test/cruddur:v2
expect "deploy.sh failed although the migration exited 0 (exit $status)" [ "$status" -eq 0 ]
after=$(service_revision)
expect "the service still runs $before" [ "$after" != "$before" ]
expect "the service's revision runs $(image_of "$after"), not v2" [ "$(image_of "$after")" = registry.test/cruddur:v2 ]
migration_task=$(head -n 1 "$state/migration-tasks")
task=$(awsm ecs describe-tasks --cluster "$cluster" --tasks "$migration_task" --output json | jq '.tasks[0]')
expect "the migration task did not run the new image" [ "$(image_of "$(jq -r .taskDefinitionArn <<<"$task")")" = registry.test/cruddur:v2 ]
expect "the migration task did not run in a private subnet" \
  grep -qF "$(jq -r '.attachments[0].details[] | select(.name == "subnetId") | .value' <<<"$task")" <<<"$subnets"
expect "the migration task was given a public address" grep -qF '"assignPublicIp":"DISABLED"' "$state/calls"
expect "the migration's logs were not printed" has "| strata: applied 20250102000000_create_posts.sql"
expect "no success line" last_line_has "deployed: service $service runs $after"
expect "the migration task did not run twice, before and after the rollout" [ "$(wc -l <"$state/migration-tasks")" -eq 2 ]
steps=$(grep -oE '"--phase","(pre|post)"|ecs update-service' "$state/calls" | tr '\n' ' ')
expect "the phases did not run around the rollout: $steps" [ "$steps" = '"--phase","pre" ecs update-service "--phase","post" ' ]
note "deploy: migration exits 0 -> pre phase, service on the new revision with the new image, post phase"
before="$after"

# 1b. The post-deploy phase fails after the rollout: the new revision stays (it works with the pre-deploy schema).
run_deploy post-failure registry.test/cruddur:v2b
expect "deploy.sh exited $status, not 4, after a failed post-deploy migration" [ "$status" -eq 4 ]
expect "the reason line does not name the post-deploy migration" \
  last_line_has "FAILED: the post-deploy migration exited with code 1 (a migration failed"
expect "the reason line does not say the app was kept" last_line_has "was not rolled back"
expect "the service was rolled back after a failed post-deploy migration" \
  [ "$(image_of "$(service_revision)")" = registry.test/cruddur:v2b ]
note "deploy: post-deploy migration exits 1 -> service kept on the new revision, exit 4"
before=$(service_revision)

# 2. The migration exits 1: logs printed, service untouched, one reason line.
run_deploy failure registry.test/cruddur:v3 --subnets "$subnets" --security-groups "$migration_groups"
expect "deploy.sh exited $status, not 1, after a failed migration" [ "$status" -eq 1 ]
expect "the failed migration's logs were not printed" has "already exists (SQLSTATE 42701)"
expect "the reason line does not give the exit code" last_line_has "FAILED: the migration exited with code 1 (a migration failed"
expect "the service was changed after a failed migration" service_untouched
note "deploy: migration exits 1 -> logs printed, service untouched, exit 1"

# 3. The task stops before its container runs (the image cannot be pulled).
run_deploy never-started registry.test/cruddur:v4
expect "deploy.sh exited $status, not 1, when the task never started" [ "$status" -eq 1 ]
expect "the reason line does not say the container never ran" \
  last_line_has "stopped before its container ran (TaskFailedToStart: CannotPullContainerError"
expect "the service was changed after a task that never started" service_untouched
note "deploy: task never starts -> reason given, service untouched, exit 1"

# 4. ECS refuses to place the task at all.
run_deploy rejected registry.test/cruddur:v5
expect "deploy.sh exited $status, not 1, when run-task was refused" [ "$status" -eq 1 ]
expect "the reason line does not give ECS's failure" last_line_has "never started: RESOURCE:ENI: no free addresses in subnet"
expect "the service was changed after a refused task" service_untouched
note "deploy: run-task refused -> reason given, service untouched, exit 1"

# 5. The migration never finishes: stopped at the timeout.
run_deploy hang registry.test/cruddur:v6 --migration-timeout 3
expect "deploy.sh exited $status, not 1, after a timeout" [ "$status" -eq 1 ]
expect "the reason line does not name the timeout" last_line_has "did not finish within 3s"
hung=$(head -n 1 "$state/migration-tasks")
stopped=$(awsm ecs describe-tasks --cluster "$cluster" --tasks "$hung" --output json | jq -r '.tasks[0] | .lastStatus + " " + .stoppedReason')
expect "the timed-out task was not stopped ($stopped)" [ "$stopped" = "STOPPED deploy.sh: migration did not finish within 3s" ]
expect "the hung migration's logs were not printed" has "waiting for the migration lock"
expect "the service was changed after a timeout" service_untouched
note "deploy: migration hangs -> task stopped at the timeout, service untouched, exit 1"

# 6. Usage errors change nothing and say what is missing, in the one reason line every failure ends with.
status=0
out=$(bash "$DEPLOY_DIR/scripts/deploy.sh" --cluster "$cluster" 2>&1) || status=$?
expect "missing options: exit $status, not 2" [ "$status" -eq 2 ]
expect "missing options are not named in the reason line" \
  last_line_has "deploy: FAILED: missing --service --app-family --migration-family --image (see --help); the service was not changed"
out=$(bash "$DEPLOY_DIR/scripts/deploy.sh" --help 2>&1)
expect "--help shows no usage" has "Usage: deploy.sh"
note "deploy: usage errors exit 2 naming what is missing; --help works"

# 6b. A wrong service or cluster is found before anything is registered or run, even when the network is given.
nothing_started() { ! grep -qE "ecs (register-task-definition|run-task|update-service)" "$state/calls"; }
run_deploy success registry.test/cruddur:v8 --service nope --subnets "$subnets" --security-groups "$migration_groups"
expect "a missing service: exit $status, not 2" [ "$status" -eq 2 ]
expect "the reason line does not name the missing service" \
  last_line_has "deploy: FAILED: service 'nope' does not exist in cluster '$cluster'; the service was not changed"
expect "a revision was registered or a task run for a missing service" nothing_started
run_deploy success registry.test/cruddur:v8 --cluster nope --subnets "$subnets" --security-groups "$migration_groups"
expect "a missing cluster: exit $status, not 2" [ "$status" -eq 2 ]
expect "the reason line does not name the missing cluster" \
  last_line_has "deploy: FAILED: cluster 'nope' does not exist; the service was not changed"
expect "a revision was registered or a task run for a missing cluster" nothing_started
note "deploy: a missing service or cluster -> exit 2 naming it, before any revision is registered or task run"

# 6c. A timeout too large for the shell's arithmetic is refused, not turned into an immediate timeout.
run_deploy success registry.test/cruddur:v8 --migration-timeout 99999999999999999999
expect "a huge --migration-timeout: exit $status, not 2" [ "$status" -eq 2 ]
expect "the reason line does not give the bound" \
  last_line_has "--migration-timeout must be a whole number of seconds from 1 to 86400, not '99999999999999999999'"
expect "a revision was registered or a task run with a huge timeout" nothing_started
note "deploy: a timeout above 86400 s -> exit 2 before anything is registered"

# 7. The Ansible playbook drives the same script to the same end.
state="$work/ansible"
mkdir -p "$state"
status=0
out=$(PATH="$TESTS_DIR/shim:$PATH" SHIM_REAL_AWS="$real_aws" SHIM_STATE="$state" SHIM_OUTCOME=success \
  ANSIBLE_NOCOLOR=1 ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false \
  ansible-playbook "$DEPLOY_DIR/ansible/deploy.yml" -e image=registry.test/cruddur:v7 -e ecs_cluster="$cluster" \
  -e ecs_service="$service" -e app_task_family="$app_family" -e migration_task_family="$migration_family" \
  -e poll_interval=1 2>&1) || status=$?
expect "the Ansible playbook failed (exit $status)" [ "$status" -eq 0 ]
expect "after the playbook the service does not run v7" [ "$(image_of "$(service_revision)")" = registry.test/cruddur:v7 ]
note "ansible: the playbook runs the migration, then moves the service to v7"

#!/usr/bin/env bash
# The CD step: migrate the database with the new image, then move the app to it, then finish the migration.
#
#   1. check that the cluster and the service exist, then register new revisions of the app and migration task
#      definitions with the new image;
#   2. run the migration task with `--phase pre` (Fargate, private subnets, no public IP) and wait for it, up to a
#      timeout; print its CloudWatch logs, read its exit code and stop reason;
#   3. only if it exited 0: point the service at the new app revision, wait until the service is stable,
#      and check that it really runs the new revision;
#   4. run the migration task again with `--phase post`: the post-deploy migrations (docs/zero-downtime.md), which
#      remove what only the old version of the app used, once no old instance is left.
#
# Exit codes: 0 deployed; 1 the pre-deploy migration did not succeed (failed, never started, timed out) and the
# service was not changed; 2 usage or configuration error, nothing changed; 3 the service was updated but did not
# become stable on the new revision (ECS's circuit breaker may be rolling it back), post phase not run; 4 deployed,
# but the post-deploy migration did not succeed: the app is not rolled back (it works with the pre-deploy schema).
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: deploy.sh --cluster NAME --service NAME --app-family NAME --migration-family NAME --image IMAGE [options]

Runs the migration task with IMAGE (strata up --phase pre) and, only when it exits 0, moves the service to a new
app revision with IMAGE, waits until it is stable, then runs the migration task again (strata up --phase post).
Every option can also be given as the environment variable in brackets.

Required:
  --cluster NAME              ECS cluster                                [DEPLOY_CLUSTER]
  --service NAME              ECS service of the app                     [DEPLOY_SERVICE]
  --app-family NAME           task definition family of the app          [DEPLOY_APP_FAMILY]
  --migration-family NAME     task definition family of the migration    [DEPLOY_MIGRATION_FAMILY]
  --image IMAGE               image to deploy (repository:tag or @digest) [DEPLOY_IMAGE]

Options:
  --subnets A,B               subnets of the migration task              [DEPLOY_SUBNETS]
  --security-groups A,B       security groups of the migration task      [DEPLOY_SECURITY_GROUPS]
                              (both default to the service's own network configuration)
  --app-container NAME        container given the new image in the app task (default app)
                                                                         [DEPLOY_APP_CONTAINER]
  --migration-container NAME  container given the new image in the migration task (default migrate)
                                                                         [DEPLOY_MIGRATION_CONTAINER]
  --migration-timeout SEC     stop the migration task after SEC seconds (default 900, at most 86400)
                                                                         [DEPLOY_MIGRATION_TIMEOUT]
  --stable-timeout SEC        wait at most SEC seconds for the service (default 900, at most 86400)
                                                                         [DEPLOY_STABLE_TIMEOUT]
  --poll SEC                  seconds between status checks (default 10, at most 86400)
                                                                         [DEPLOY_POLL_INTERVAL]
  -h, --help                  show this help

Exit codes: 0 deployed; 1 pre-deploy migration failed, never started or timed out (service not changed);
2 usage or configuration error (nothing changed); 3 service updated but not stable on the new revision;
4 deployed, but the post-deploy migration failed (the app is not rolled back; run it again once fixed).
USAGE
}

log() { echo "deploy: $*" >&2; }

# One clear reason line, then the exit code that tells the pipeline whether the service was touched.
fail_unchanged() {
  echo "deploy: FAILED: $*; the service was not changed" >&2
  exit 1
}
fail_usage() {
  echo "deploy: FAILED: $*; the service was not changed" >&2
  exit 2
}
fail_after_update() {
  echo "deploy: FAILED: $*" >&2
  exit 3
}
fail_post_deploy() {
  echo "deploy: FAILED: $*; the service runs the new revision and was not rolled back: fix the post-deploy migration and run the migration task with 'up --phase post' again" >&2
  exit 4
}

cluster="${DEPLOY_CLUSTER:-}"
service="${DEPLOY_SERVICE:-}"
app_family="${DEPLOY_APP_FAMILY:-}"
migration_family="${DEPLOY_MIGRATION_FAMILY:-}"
image="${DEPLOY_IMAGE:-}"
subnets="${DEPLOY_SUBNETS:-}"
security_groups="${DEPLOY_SECURITY_GROUPS:-}"
app_container="${DEPLOY_APP_CONTAINER:-app}"
migration_container="${DEPLOY_MIGRATION_CONTAINER:-migrate}"
migration_timeout="${DEPLOY_MIGRATION_TIMEOUT:-900}"
stable_timeout="${DEPLOY_STABLE_TIMEOUT:-900}"
poll="${DEPLOY_POLL_INTERVAL:-10}"

parse_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      -h | --help) usage; exit 0 ;;
      --cluster | --service | --app-family | --migration-family | --image | --subnets | --security-groups | \
        --app-container | --migration-container | --migration-timeout | --stable-timeout | --poll)
        [ $# -ge 2 ] || fail_usage "$1 needs a value (see --help)"
        set_option "$1" "$2"
        shift 2
        ;;
      *) fail_usage "unknown argument '$1' (see --help)" ;;
    esac
  done
}

set_option() {
  case "$1" in
    --cluster) cluster="$2" ;;
    --service) service="$2" ;;
    --app-family) app_family="$2" ;;
    --migration-family) migration_family="$2" ;;
    --image) image="$2" ;;
    --subnets) subnets="$2" ;;
    --security-groups) security_groups="$2" ;;
    --app-container) app_container="$2" ;;
    --migration-container) migration_container="$2" ;;
    --migration-timeout) migration_timeout="$2" ;;
    --stable-timeout) stable_timeout="$2" ;;
    --poll) poll="$2" ;;
  esac
}

check_options() {
  local missing=()
  [ -n "$cluster" ] || missing+=(--cluster)
  [ -n "$service" ] || missing+=(--service)
  [ -n "$app_family" ] || missing+=(--app-family)
  [ -n "$migration_family" ] || missing+=(--migration-family)
  [ -n "$image" ] || missing+=(--image)
  if [ ${#missing[@]} -gt 0 ]; then
    fail_usage "missing ${missing[*]} (see --help)"
  fi
  local name value
  for name in migration_timeout stable_timeout poll; do
    value="${!name}"
    # Five digits at most before the arithmetic: a longer number would overflow the deadline sums.
    if ! [[ "$value" =~ ^[1-9][0-9]{0,4}$ ]] || [ "$value" -gt "$MAX_SECONDS" ]; then
      fail_usage "--${name//_/-} must be a whole number of seconds from 1 to $MAX_SECONDS, not '$value'"
    fi
  done
  command -v aws >/dev/null || fail_usage "the aws CLI is not on PATH"
  command -v jq >/dev/null || fail_usage "jq is not on PATH"
}

# The longest timeout or poll interval accepted: one day.
readonly MAX_SECONDS=86400
# How long a migration task stopped at its timeout is given to stop (strata cancels and releases its lock).
readonly STOP_WAIT_SECONDS=90

# Fields that describe-task-definition returns but register-task-definition does not accept.
readonly READ_ONLY_FIELDS='del(.taskDefinitionArn, .revision, .status, .requiresAttributes, .compatibilities,
  .registeredAt, .registeredBy, .deregisteredAt)'

# Registers a copy of the family's latest revision with the image of one container replaced; prints the full
# task definition JSON that was registered.
register_revision() {
  local family="$1" container="$2" current input
  current=$(aws ecs describe-task-definition --task-definition "$family" --include TAGS --output json) ||
    fail_usage "cannot read task definition family '$family' (aws ecs describe-task-definition failed above)"
  jq -e --arg c "$container" '.taskDefinition.containerDefinitions | any(.name == $c)' <<<"$current" >/dev/null ||
    fail_usage "task definition '$family' has no container named '$container'"
  input=$(jq --arg c "$container" --arg image "$image" "
    (.tags // []) as \$tags
    | .taskDefinition
    | $READ_ONLY_FIELDS
    | .containerDefinitions |= map(if .name == \$c then .image = \$image else . end)
    | if (\$tags | length) > 0 then .tags = \$tags else . end" <<<"$current")
  aws ecs register-task-definition --cli-input-json "$input" --output json | jq '.taskDefinition' ||
    fail_unchanged "cannot register a new revision of '$family' (aws ecs register-task-definition failed above)"
}

# The cluster and the service must exist before anything is registered or run: a wrong name stops here (exit 2),
# not after the pre-deploy migration ran. Prints the service's description.
describe_service() {
  local described error status
  if ! described=$(aws ecs describe-services --cluster "$cluster" --services "$service" --output json 2>"$work/error"); then
    error=$(cat "$work/error")
    [ -z "$error" ] || echo "$error" >&2
    if grep -q ClusterNotFoundException <<<"$error"; then
      fail_usage "cluster '$cluster' does not exist"
    fi
    fail_usage "cannot read service '$service' in cluster '$cluster' (aws ecs describe-services failed above)"
  fi
  if jq -e '.failures[]? | select(.reason == "MISSING")' <<<"$described" >/dev/null; then
    fail_usage "service '$service' does not exist in cluster '$cluster'"
  fi
  status=$(jq -r '.services[0].status // "not returned"' <<<"$described")
  [ "$status" = ACTIVE ] || fail_usage "service '$service' in cluster '$cluster' is $status, not ACTIVE"
  echo "$described"
}

# The migration runs where the app runs, unless told otherwise: the service's subnets and security groups.
resolve_network() {
  local described="$1" network
  if [ -n "$subnets" ] && [ -n "$security_groups" ]; then
    return
  fi
  network=$(jq -c '.services[0].networkConfiguration.awsvpcConfiguration // empty' <<<"$described")
  [ -n "$network" ] || fail_usage "service '$service' has no awsvpc network configuration: give --subnets and --security-groups"
  [ -n "$subnets" ] || subnets=$(jq -r '.subnets | join(",")' <<<"$network")
  [ -n "$security_groups" ] || security_groups=$(jq -r '.securityGroups | join(",")' <<<"$network")
}

network_configuration() {
  jq -cn --arg s "$subnets" --arg g "$security_groups" '{awsvpcConfiguration: {
      subnets: ($s | split(",")), securityGroups: ($g | split(",")), assignPublicIp: "DISABLED"}}'
}

# Prints the migration container's CloudWatch log stream (awslogs driver: prefix/container/task-id).
print_migration_logs() {
  local task_id="$1" options group prefix stream page token="" next pages=0
  options=$(jq -c --arg c "$migration_container" \
    '.containerDefinitions[] | select(.name == $c) | .logConfiguration // {} |
     select(.logDriver == "awslogs") | .options' <<<"$migration_definition")
  if [ -z "$options" ]; then
    log "the migration container does not log to CloudWatch (no awslogs configuration); no logs to show"
    return
  fi
  group=$(jq -r '."awslogs-group"' <<<"$options")
  prefix=$(jq -r '."awslogs-stream-prefix" // empty' <<<"$options")
  stream="${prefix:+$prefix/}$migration_container/$task_id"
  log "migration logs ($group, $stream):"
  while [ "$pages" -lt 100 ]; do
    local args=(--log-group-name "$group" --log-stream-name "$stream" --start-from-head --output json)
    [ -z "$token" ] || args+=(--next-token "$token")
    if ! page=$(aws logs get-log-events "${args[@]}" 2>/dev/null); then
      log "  (no log stream: the container wrote nothing or never started)"
      return
    fi
    jq -r '.events[] | "  | " + .message' <<<"$page" >&2
    next=$(jq -r '.nextForwardToken // empty' <<<"$page")
    if [ -z "$next" ] || [ "$next" = "$token" ]; then
      return
    fi
    token="$next"
    pages=$((pages + 1))
  done
}

# What strata's exit codes mean (docs/exit-codes.md), so the reason line is readable without the table.
explain_exit_code() {
  case "$1" in
    1) echo "a migration failed" ;;
    2) echo "usage or configuration error" ;;
    3) echo "cannot connect to the database" ;;
    4) echo "the migration lock was not acquired" ;;
    5) echo "validation failed: a migration file is malformed or an applied one was changed" ;;
    6) echo "refused: protected environment" ;;
    7) echo "a prerequisite is missing" ;;
    130 | 143) echo "cancelled" ;;
    137) echo "killed, possibly out of memory" ;;
    *) echo "see docs/exit-codes.md" ;;
  esac
}

# The migration container's own command with `--phase PHASE` added, as an ECS container override.
phase_overrides() {
  jq -c --arg c "$migration_container" --arg p "$phase" '
    (first(.containerDefinitions[] | select(.name == $c)) // {}).command as $cmd
    | if $cmd == null then error("the migration container \($c) has no command to add --phase to")
      else {containerOverrides: [{name: $c, command: ($cmd + ["--phase", $p])}]} end' <<<"$migration_definition"
}

# The failure of the pre-deploy phase leaves the service as it was; the post-deploy phase runs after it moved.
migration_failed() {
  local reason="$*"
  if [ "$phase" = post ]; then fail_post_deploy "${reason/#the migration/the post-deploy migration}"; else fail_unchanged "$reason"; fi
}

# run_migration PHASE: runs the migration task for one phase and returns only when it exited 0.
run_migration() {
  phase="$1"
  local started failures task_arn task_id deadline status="" last="" described overrides
  overrides=$(phase_overrides) || fail_usage "cannot add --phase to the migration container's command: $(jq -r .family <<<"$migration_definition") has no container '$migration_container' with a command"
  log "running migration task $(jq -r .family <<<"$migration_definition"):$(jq -r .revision <<<"$migration_definition") (--phase $phase) in subnets $subnets"
  started=$(aws ecs run-task --cluster "$cluster" --task-definition "$(jq -r .taskDefinitionArn <<<"$migration_definition")" \
    --launch-type FARGATE --count 1 --started-by deploy.sh --overrides "$overrides" \
    --network-configuration "$(network_configuration)" --output json) ||
    migration_failed "the migration task could not be started (aws ecs run-task failed above)"
  failures=$(jq -r '[.failures[]? | "\(.reason // "unknown")\(if .detail then ": " + .detail else "" end)"] | join("; ")' <<<"$started")
  task_arn=$(jq -r '.tasks[0].taskArn // empty' <<<"$started")
  if [ -n "$failures" ] || [ -z "$task_arn" ]; then
    migration_failed "the migration task never started: ${failures:-ECS returned no task}"
  fi
  task_id="${task_arn##*/}"
  log "migration task $task_id started; waiting up to ${migration_timeout}s"

  deadline=$((SECONDS + migration_timeout))
  while :; do
    described=$(aws ecs describe-tasks --cluster "$cluster" --tasks "$task_arn" --output json) ||
      migration_failed "cannot read the state of migration task $task_id"
    status=$(jq -r '.tasks[0].lastStatus // "UNKNOWN"' <<<"$described")
    [ "$status" = "$last" ] || log "migration task $task_id is $status"
    last="$status"
    [ "$status" != STOPPED ] || break
    if [ "$SECONDS" -ge "$deadline" ]; then
      stop_migration "$task_arn"
      print_migration_logs "$task_id"
      migration_failed "the migration did not finish within ${migration_timeout}s (task $task_id was stopped)"
    fi
    sleep "$poll"
  done

  print_migration_logs "$task_id"
  check_migration_result "$described" "$task_id"
}

# Stops a migration that ran out of time and gives strata its stop timeout to cancel and release its lock.
stop_migration() {
  local task_arn="$1" deadline status
  log "stopping migration task ${task_arn##*/} after ${migration_timeout}s"
  aws ecs stop-task --cluster "$cluster" --task "$task_arn" \
    --reason "deploy.sh: migration did not finish within ${migration_timeout}s" --output json >/dev/null ||
    log "aws ecs stop-task failed; stop task ${task_arn##*/} by hand"
  deadline=$((SECONDS + STOP_WAIT_SECONDS))
  while [ "$SECONDS" -lt "$deadline" ]; do
    status=$(aws ecs describe-tasks --cluster "$cluster" --tasks "$task_arn" --output json |
      jq -r '.tasks[0].lastStatus // "UNKNOWN"') || break
    [ "$status" != STOPPED ] || return 0
    sleep "$poll"
  done
}

check_migration_result() {
  local described="$1" task_id="$2" container exit_code stop_code stopped_reason container_reason
  container=$(jq -c --arg c "$migration_container" \
    'first(.tasks[0].containers[]? | select(.name == $c)) // {}' <<<"$described")
  exit_code=$(jq -r '.exitCode // empty' <<<"$container")
  container_reason=$(jq -r '.reason // empty' <<<"$container")
  stop_code=$(jq -r '.tasks[0].stopCode // "unknown"' <<<"$described")
  stopped_reason=$(jq -r '.tasks[0].stoppedReason // "none given"' <<<"$described")
  if [ -z "$exit_code" ]; then
    migration_failed "the migration task stopped before its container ran ($stop_code: $stopped_reason${container_reason:+; container: $container_reason})"
  fi
  if [ "$exit_code" != 0 ]; then
    migration_failed "the migration exited with code $exit_code ($(explain_exit_code "$exit_code"); task $task_id, $stop_code: $stopped_reason)"
  fi
  log "migration task $task_id exited 0 (--phase $phase)"
}

update_service() {
  local app_arn="$1"
  log "updating service $service to $(jq -r '.family + ":" + (.revision | tostring)' <<<"$app_definition")"
  aws ecs update-service --cluster "$cluster" --service "$service" --task-definition "$app_arn" --output json >/dev/null ||
    fail_unchanged "aws ecs update-service failed above"
}

# Stable means what `aws ecs wait services-stable` means (one deployment, running = desired), plus: that one
# deployment is on the new revision and its rollout completed. A rollback by the circuit breaker fails here.
wait_until_stable() {
  local app_arn="$1" deadline described state last=""
  deadline=$((SECONDS + stable_timeout))
  while :; do
    described=$(aws ecs describe-services --cluster "$cluster" --services "$service" --output json) ||
      fail_after_update "cannot read service $service"
    state=$(jq -r --arg td "$app_arn" '.services[0] as $s
      | ($s.deployments // []) as $d
      | ($d | map(select(.status == "PRIMARY")) | first) as $p
      | if $p == null then "no-primary"
        elif $p.rolloutState == "FAILED" then "failed: " + ($p.rolloutStateReason // "rollout failed")
        elif $p.taskDefinition != $td then "replaced: the primary deployment runs " + $p.taskDefinition
        elif ($d | length) == 1 and $p.runningCount == $p.desiredCount and $s.taskDefinition == $td
             and (($p.rolloutState // "COMPLETED") == "COMPLETED") then "stable"
        else "waiting: \($p.runningCount)/\($p.desiredCount) running, \($d | length) deployments"
        end' <<<"$described")
    [ "$state" = "$last" ] || log "service $service: $state"
    last="$state"
    case "$state" in
      stable) return ;;
      failed:* | replaced:*) fail_after_update "the service did not stay on the new revision: ${state#*: }" ;;
    esac
    if [ "$SECONDS" -ge "$deadline" ]; then
      fail_after_update "the service was not stable on the new revision within ${stable_timeout}s ($state)"
    fi
    sleep "$poll"
  done
}

main() {
  parse_args "$@"
  check_options
  work=$(mktemp -d "${TMPDIR:-/tmp}/deploy.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  local described
  described=$(describe_service)
  resolve_network "$described"

  log "deploying $image to $cluster/$service"
  app_definition=$(register_revision "$app_family" "$app_container")
  migration_definition=$(register_revision "$migration_family" "$migration_container")
  local app_arn
  app_arn=$(jq -r .taskDefinitionArn <<<"$app_definition")
  log "registered $(jq -r '.family + ":" + (.revision | tostring)' <<<"$app_definition") and $(jq -r '.family + ":" + (.revision | tostring)' <<<"$migration_definition")"

  run_migration pre
  update_service "$app_arn"
  wait_until_stable "$app_arn"
  run_migration post
  log "deployed: service $service runs $app_arn"
}

app_definition=""
migration_definition=""
work=""
phase=""
main "$@"

#!/usr/bin/env bash
# The stacks against moto_server on 127.0.0.1: apply all four (data and app find what they build on by its names
# and tags, no outputs copied between stacks), a second plan changes nothing, the emulator's
# resources have the promised properties, the CD script's outcomes (deploy-e2e.sh), then: destroying the app
# stack leaves the database, and destroying the data stack is refused while deletion protection is on.
set -euo pipefail
# shellcheck source=deploy/tests/lib.sh
source "$(dirname "$0")/lib.sh"
make_scratch
trap 'stop_moto; [ -n "${KEEP_SCRATCH:-}" ] || rm -rf "$SCRATCH"' EXIT
start_moto
note "moto_server on $MOTO_ENDPOINT"

ENV_NAME=e2e
tfvars_for() {
  case "$1" in
    network) printf 'name = "cruddur"\nenvironment = "%s"\nregion = "us-east-1"\navailability_zones = ["us-east-1a", "us-east-1b"]\n' "$ENV_NAME" ;;
    registry) printf 'name = "cruddur"\nregion = "us-east-1"\ngithub_repository = "example/strata"\n' ;;
    data) printf 'name = "cruddur"\nenvironment = "%s"\nregion = "us-east-1"\nprotected = true\ndb_name = "cruddur"\nmaster_username = "cruddur_admin"\n' "$ENV_NAME" ;;
    app) printf 'name = "cruddur"\nenvironment = "%s"\nregion = "us-east-1"\nimage = "registry.test/cruddur:v1"\ndesired_count = 1\n' "$ENV_NAME" ;;
  esac
}

# The aws CLI v1 ignores AWS_ENDPOINT_URL for some services (rds among them): name the endpoint on every call.
awsm() { aws --endpoint-url "$MOTO_ENDPOINT" "$@"; }

tf() { terraform -chdir="$SCRATCH/stacks/$1" "${@:2}" -no-color; }

apply_stack() {
  local stack="$1" dir
  dir=$(copy_stack "$stack")
  write_moto_override "$dir"
  tfvars_for "$stack" >"$dir/moto.tfvars"
  tf_init "$dir"
  tf "$stack" apply -auto-approve -var-file=moto.tfvars >"$dir/apply.log" 2>&1 ||
    { cat "$dir/apply.log" >&2; die "terraform apply failed for $stack"; }
}

# exit 0 from -detailed-exitcode means no changes; 2 means changes (shown); 1 means an error.
expect_no_changes() {
  local stack="$1" out status=0
  out=$(tf "$stack" plan -detailed-exitcode -var-file=moto.tfvars 2>&1) || status=$?
  if [ "$status" -ne 0 ]; then
    echo "$out" >&2
    die "a second plan of the $stack stack is not empty (exit $status): applying it again would change something"
  fi
}

started=$SECONDS
apply_stack registry &
registry_pid=$!
apply_stack network
apply_stack data
wait "$registry_pid" || die "the registry stack did not apply"
apply_stack app
note "applied network, registry, data, app ($((SECONDS - started))s)"

started=$SECONDS
plans=()
for stack in "${STACKS[@]}"; do
  expect_no_changes "$stack" &
  plans+=($!)
done
for pid in "${plans[@]}"; do wait "$pid" || die "a second plan was not empty"; done
note "second plan of every stack: no changes ($((SECONDS - started))s)"

# No outputs were copied between stacks: what the data and app stacks found must be what the network and data
# stacks made.
network_private=$(tf network output -json private_subnet_ids | jq -c sort)
[ "$(tf app output -json private_subnet_ids | jq -c sort)" = "$network_private" ] ||
  die "the app stack found other private subnets than the network stack's $network_private"
db_subnets=$(awsm rds describe-db-subnet-groups --db-subnet-group-name "cruddur-$ENV_NAME-db" --output json |
  jq -c '[.DBSubnetGroups[0].Subnets[].SubnetIdentifier] | sort')
[ "$db_subnets" = "$network_private" ] || die "the database's subnets $db_subnets are not the network's private subnets"
[ "$(tf app output -json migration_security_group_ids | jq -r '.[1]')" = "$(tf data output -raw db_client_security_group_id)" ] ||
  die "the migration task does not carry the data stack's db-client group"
note "data and app stacks found the network's subnets and the data stack's db-client group by name and tag"

# The emulator's view of what was created, not Terraform's.
db_id="cruddur-$ENV_NAME-db"
db=$(awsm rds describe-db-instances --db-instance-identifier "$db_id" --output json | jq '.DBInstances[0]')
jq -e '.PubliclyAccessible == false and .StorageEncrypted == true and .DeletionProtection == true
  and .BackupRetentionPeriod == 7 and (.MasterUserSecret.SecretArn | startswith("arn:aws:secretsmanager:"))' \
  <<<"$db" >/dev/null || { echo "$db" >&2; die "the database is not private, encrypted, protected and backed up"; }
db_sg=$(jq -r '.VpcSecurityGroups[0].VpcSecurityGroupId' <<<"$db")
client_sg=$(tf data output -raw db_client_security_group_id)
rules=$(awsm ec2 describe-security-groups --group-ids "$db_sg" --output json | jq '.SecurityGroups[0].IpPermissions')
jq -e --arg c "$client_sg" 'length == 1 and .[0].FromPort == 5432 and .[0].ToPort == 5432 and (.[0].IpRanges | length) == 0
  and ([.[0].UserIdGroupPairs[].GroupId] == [$c])' <<<"$rules" >/dev/null ||
  { echo "$rules" >&2; die "the database's group admits more than the db-client group on 5432"; }
param=$(awsm rds describe-db-parameters --db-parameter-group-name "$(jq -r '.DBParameterGroups[0].DBParameterGroupName' <<<"$db")" \
  --output json | jq -r '.Parameters[] | select(.ParameterName == "rds.force_ssl") | .ParameterValue')
[ "$param" = 1 ] || die "rds.force_ssl is '$param', not 1"
note "emulator: database private, encrypted, protected, TLS forced; only db-client reaches 5432"

# The pipeline's role: trusted through GitHub's OIDC provider, by this repository's environments only.
deploy_role=$(awsm iam get-role --role-name cruddur-github-deploy --output json | jq '.Role.AssumeRolePolicyDocument')
jq -e '.Statement | length == 1 and .[0].Action == "sts:AssumeRoleWithWebIdentity"
  and (.[0].Principal.Federated | endswith(":oidc-provider/token.actions.githubusercontent.com"))
  and .[0].Condition.StringEquals["token.actions.githubusercontent.com:aud"] == "sts.amazonaws.com"
  and .[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"]
    == ["repo:example/strata:environment:staging", "repo:example/strata:environment:prod"]' <<<"$deploy_role" >/dev/null ||
  { echo "$deploy_role" >&2; die "the GitHub deploy role trusts more than the repository's environments through OIDC"; }
awsm iam list-open-id-connect-providers --output json |
  jq -e '[.OpenIDConnectProviderList[].Arn | select(endswith("/token.actions.githubusercontent.com"))] | length == 1' >/dev/null ||
  die "the GitHub OIDC identity provider is missing"
note "emulator: GitHub Actions deploy through an OIDC role trusted by the repository's environments only"

# Two database roles, one secret each: the app task definition names the application role's secret and no other.
master_secret=$(jq -r .MasterUserSecret.SecretArn <<<"$db")
migrator_secret=$(tf data output -raw db_migrator_secret_arn)
app_secret=$(tf data output -raw db_app_secret_arn)
for role in migrator app; do
  arn_var="${role}_secret"
  value=$(awsm secretsmanager get-secret-value --secret-id "${!arn_var}" --output json | jq -r .SecretString)
  jq -e --arg u "cruddur_$role" '.username == $u and (.password | test("^[A-Za-z0-9]{40}$")) and .engine == "postgres"' \
    <<<"$value" >/dev/null || die "the $role role's secret does not hold its user name and a generated password"
done
app_td=$(awsm ecs describe-task-definition --task-definition "$(tf app output -raw app_task_family)" --output json | jq .taskDefinition)
migration_td=$(awsm ecs describe-task-definition --task-definition "$(tf app output -raw migration_task_family)" --output json | jq .taskDefinition)
jq -e --arg a "$app_secret" '.containerDefinitions[0].secrets == [{name: "DB_SECRET", valueFrom: $a}]' <<<"$app_td" >/dev/null ||
  { jq .containerDefinitions[0].secrets <<<"$app_td" >&2; die "the app task is not given exactly the application role's secret"; }
if grep -qF -e "$migrator_secret" -e "$master_secret" <<<"$app_td"; then
  die "the app task definition names the migration or the master secret"
fi
jq -e --arg m "$migrator_secret" --arg master "$master_secret" --arg a "$app_secret" '.containerDefinitions[0].secrets as $s
  | ($s | map(select(.name == "DB_SECRET")) | .[0].valueFrom) == $m
  and ($s | map(.valueFrom | sub(":[a-z]+::$"; "")) | unique | sort) == ([$m, $master, $a] | sort)' <<<"$migration_td" >/dev/null ||
  { jq .containerDefinitions[0].secrets <<<"$migration_td" >&2; die "the migration task does not run as the migration role with the bootstrap's secrets"; }
[ "$(jq -r .executionRoleArn <<<"$app_td")" != "$(jq -r .executionRoleArn <<<"$migration_td")" ] ||
  die "the app and migration tasks start with the same execution role"
note "emulator: one secret per database role; the app task gets the application secret only, the migration task its own"

# The app's execution role may read the application secret and nothing else, enforced by the emulator: take the
# role's credentials (moto lets any caller assume it), turn on moto's IAM enforcement, call GetSecretValue as the
# role, turn enforcement off again. moto/server.py makes moto check these calls against the secret's ARN, as AWS does.
moto_auth() {
  curl -fsS -X POST -H 'Content-Type: text/plain' --data-binary "$1" "$MOTO_ENDPOINT/moto-api/reset-auth" >/dev/null ||
    die "could not switch moto's IAM enforcement to $1"
}
# read_as ROLE_ARN SECRET_ARN: prints allowed or denied.
read_as() {
  local creds out
  creds=$(awsm sts assume-role --role-arn "$1" --role-session-name emulator-check --output json | jq .Credentials)
  moto_auth 0
  if out=$(AWS_ACCESS_KEY_ID=$(jq -r .AccessKeyId <<<"$creds") AWS_SECRET_ACCESS_KEY=$(jq -r .SecretAccessKey <<<"$creds") \
    AWS_SESSION_TOKEN=$(jq -r .SessionToken <<<"$creds") awsm secretsmanager get-secret-value --secret-id "$2" --output json 2>&1); then
    echo allowed
  elif grep -q AccessDenied <<<"$out"; then
    echo denied
  else
    echo "error: $out"
  fi
  moto_auth inf
}
app_exec=$(jq -r .executionRoleArn <<<"$app_td")
migration_exec=$(jq -r .executionRoleArn <<<"$migration_td")
[ "$(read_as "$app_exec" "$app_secret")" = allowed ] || die "the app's execution role cannot read the application secret"
[ "$(read_as "$app_exec" "$migrator_secret")" = denied ] || die "the app's execution role was not refused the migration secret"
[ "$(read_as "$app_exec" "$master_secret")" = denied ] || die "the app's execution role was not refused the master secret"
[ "$(read_as "$migration_exec" "$migrator_secret")" = allowed ] || die "the migration's execution role cannot read the migration secret"
[ "$(read_as "$(jq -r .taskRoleArn <<<"$app_td")" "$app_secret")" = denied ] || die "the app's task role may read a secret"
note "emulator (IAM enforced): the app's execution role reads the application secret and is refused the migration and master secrets"

started=$SECONDS
bash "$TESTS_DIR/deploy-e2e.sh" "$SCRATCH/stacks/app"
note "deploy.sh scenarios done ($((SECONDS - started))s)"

# Tearing down the app environment must not touch the data.
started=$SECONDS
quiet "terraform destroy failed for the app stack" tf app destroy -auto-approve -var-file=moto.tfvars
note "destroyed the app stack ($((SECONDS - started))s)"
status=$(awsm rds describe-db-instances --db-instance-identifier "$db_id" --output json | jq -r '.DBInstances[0].DBInstanceStatus')
[ "$status" = available ] || die "after destroying the app stack the database is '$status'"
awsm secretsmanager describe-secret --secret-id "$(jq -r .MasterUserSecret.SecretArn <<<"$db")" >/dev/null ||
  die "after destroying the app stack the database's secret is gone"
note "destroying the app stack left the database and its secret"

# Destroying the data stack must fail on deletion protection and leave everything as it was.
if out=$(tf data destroy -auto-approve -var-file=moto.tfvars 2>&1); then
  die "terraform destroy of the protected data stack succeeded"
fi
grep -q "Cannot delete protected DB Instance" <<<"$out" || { echo "$out" >&2; die "the data stack's destroy failed for another reason"; }
awsm rds describe-db-instances --db-instance-identifier "$db_id" >/dev/null || die "the protected database is gone"
# The failed destroy dropped the outputs from the state; what matters is that no resource would change.
tf data plan -var-file=moto.tfvars -out="$SCRATCH/data.tfplan" >/dev/null 2>&1 || die "cannot plan the data stack after the refused destroy"
changes=$(tf data show -json "$SCRATCH/data.tfplan" | jq -r '[.resource_changes[] | select(.change.actions != ["no-op"]) | .address] | join(", ")')
[ -z "$changes" ] || die "the refused destroy removed or changed part of the data stack: $changes"
note "destroying the data stack was refused by deletion protection; the stack is intact"

#!/usr/bin/env bash
# The home feed cache (terraform/app/feed_cache.tf) against moto_server on 127.0.0.1: the network stack, then the
# app stack with feed_cache_node_type set (the data stack's outputs replaced by a secret and a security group made
# in the emulator), then the emulator's own view: the replication group with TLS and failover, in a subnet group of
# the private subnets, a security group that admits only the app tasks on 6379 (and the app group's matching egress),
# and the primary endpoint in the app task's environment.
#
# What moto (5.2) gets wrong or lacks, and so is checked only by the mocked-provider test
# (terraform/app/tests/feed_cache.tftest.hcl): CreateReplicationGroup creates no member clusters (corrected in
# moto/feed_cache_server.py, as the provider reads the primary's cluster) and makes one member whatever
# NumCacheClusters says; it keeps neither SecurityGroupIds nor AtRestEncryptionEnabled, so a second plan is not
# empty here; DeleteCacheSubnetGroup and ModifyReplicationGroup are not implemented, so the cache is neither
# changed nor destroyed here (the scratch emulator is thrown away instead).
set -euo pipefail
# shellcheck source=deploy/tests/lib.sh
source "$(dirname "$0")/lib.sh"
make_scratch
# moto creates a replication group's member clusters only with this correction (see the file).
MOTO_SERVER="$TESTS_DIR/moto/feed_cache_server.py"
trap 'stop_moto; [ -n "${KEEP_SCRATCH:-}" ] || rm -rf "$SCRATCH"' EXIT
start_moto
note "moto_server on $MOTO_ENDPOINT"

awsm() { aws --endpoint-url "$MOTO_ENDPOINT" --output json "$@"; }
tf() { terraform -chdir="$SCRATCH/stacks/$1" "${@:2}" -no-color; }

apply() { # stack tfvars
  local dir
  dir=$(copy_stack "$1")
  write_moto_override "$dir"
  printf '%s\n' "$2" >"$dir/moto.tfvars"
  tf_init "$dir"
  tf "$1" apply -auto-approve -var-file=moto.tfvars >"$dir/apply.log" 2>&1 ||
    { cat "$dir/apply.log" >&2; die "terraform apply failed for $1"; }
}

started=$SECONDS
apply network "$(printf 'name = "cruddur"\nenvironment = "cache"\nregion = "us-east-1"\navailability_zones = ["us-east-1a", "us-east-1b"]')"
network=$(tf network output -json)
vpc=$(jq -r .vpc_id.value <<<"$network")
private=$(jq -c .private_subnet_ids.value <<<"$network")
secret=$(awsm secretsmanager create-secret --name cruddur-cache-db --secret-string '{"username":"u","password":"p"}' | jq -r .ARN)
db_client=$(awsm ec2 create-security-group --group-name cruddur-cache-db-client --description "db clients" --vpc-id "$vpc" | jq -r .GroupId)
apply app "$(cat <<VARS
name = "cruddur"
environment = "cache"
region = "us-east-1"
image = "registry.test/cruddur:v1"
desired_count = 1
vpc_id = "$vpc"
public_subnet_ids = $(jq -c .public_subnet_ids.value <<<"$network")
private_subnet_ids = $private
db_host = "db.cache.test"
db_name = "cruddur"
db_master_secret_arn = "$secret"
db_migrator_secret_arn = "$secret"
db_app_secret_arn = "$secret"
db_client_security_group_id = "$db_client"
feed_cache_node_type = "cache.t4g.micro"
VARS
)"
note "applied network and app with the feed cache ($((SECONDS - started))s)"

group=$(awsm elasticache describe-replication-groups --replication-group-id cruddur-cache-feed | jq '.ReplicationGroups[0]')
jq -e '.Status == "available" and .TransitEncryptionEnabled == true and .AutomaticFailover == "enabled" and .MultiAZ == "enabled"' \
  <<<"$group" >/dev/null || { echo "$group" >&2; die "the replication group is not available with TLS and failover"; }
endpoint=$(jq -r '.NodeGroups[0].PrimaryEndpoint.Address' <<<"$group")
if [ -z "$endpoint" ] || [ "$endpoint" = null ]; then
  echo "$group" >&2
  die "the replication group has no primary endpoint"
fi

member=$(awsm elasticache describe-cache-clusters --cache-cluster-id "$(jq -r '.MemberClusters[0]' <<<"$group")" | jq '.CacheClusters[0]')
subnets=$(awsm elasticache describe-cache-subnet-groups --cache-subnet-group-name "$(jq -r .CacheSubnetGroupName <<<"$member")" |
  jq -c '[.CacheSubnetGroups[0].Subnets[].SubnetIdentifier] | sort')
[ "$subnets" = "$(jq -c sort <<<"$private")" ] || die "the cache's subnets $subnets are not the private subnets $private"
app_sg=$(awsm ec2 describe-security-groups --filters "Name=group-name,Values=cruddur-cache-app" | jq -r '.SecurityGroups[0].GroupId')
cache_sg=$(awsm ec2 describe-security-groups --filters "Name=group-name,Values=cruddur-cache-feed-cache" | jq -r '.SecurityGroups[0].GroupId')
rules=$(awsm ec2 describe-security-groups --group-ids "$cache_sg" | jq '.SecurityGroups[0].IpPermissions')
jq -e --arg app "$app_sg" 'length == 1 and .[0].FromPort == 6379 and .[0].ToPort == 6379 and (.[0].IpRanges | length) == 0
  and ([.[0].UserIdGroupPairs[].GroupId] == [$app])' <<<"$rules" >/dev/null ||
  { echo "$rules" >&2; die "the cache's group admits more than the app tasks on 6379"; }
egress=$(awsm ec2 describe-security-groups --group-ids "$app_sg" | jq '.SecurityGroups[0].IpPermissionsEgress')
jq -e --arg c "$cache_sg" 'any(.[]; .FromPort == 6379 and .ToPort == 6379 and ([.UserIdGroupPairs[].GroupId] == [$c]))' <<<"$egress" >/dev/null ||
  { echo "$egress" >&2; die "the app tasks' group has no egress to the cache's group on 6379"; }

family=$(tf app output -raw app_task_family)
environment=$(awsm ecs describe-task-definition --task-definition "$family" | jq '.taskDefinition.containerDefinitions[0].environment')
jq -e --arg v "$endpoint:6379,ssl=true" 'any(.[]; .name == "Cruddur__Cache__Redis" and .value == $v)' <<<"$environment" >/dev/null ||
  { echo "$environment" >&2; die "the app task is not given the cache's endpoint $endpoint:6379 with TLS"; }
service_sgs=$(awsm ecs describe-services --cluster "$(tf app output -raw cluster_name)" --services "$(tf app output -raw service_name)" |
  jq -c '.services[0].networkConfiguration.awsvpcConfiguration.securityGroups')
jq -e --arg app "$app_sg" 'index($app) != null' <<<"$service_sgs" >/dev/null || die "the app service does not run in the group the cache admits"
note "emulator: feed cache with TLS and failover, in the private subnets, open to the app tasks only; endpoint in the app task"

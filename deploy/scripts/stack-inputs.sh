#!/usr/bin/env bash
# Writes the inputs one Terraform stack takes from the stacks it builds on, as <stack>/inputs.auto.tfvars.json
# (Terraform loads *.auto.tfvars.json by itself):
#   data  <- network: vpc_id, private_subnet_ids
#   app   <- network: vpc_id, public_subnet_ids, private_subnet_ids
#            data:    db_host, db_port, db_name, db_master_secret_arn, db_migrator_secret_arn, db_app_secret_arn,
#                     db_client_security_group_id
# The stacks keep separate state; this is the only place that maps one stack's outputs to another's inputs.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: stack-inputs.sh data|app [--root DIR]

Reads `terraform output` of the stacks that the given stack builds on (they must be initialised and applied)
and writes DIR/<stack>/inputs.auto.tfvars.json.

  --root DIR   directory holding the network, data and app stacks (default: deploy/terraform beside this script)
  -h, --help   show this help
USAGE
}

stack=""
root="$(cd "$(dirname "$0")/../terraform" && pwd)"
while [ $# -gt 0 ]; do
  case "$1" in
    data | app) stack="$1" ;;
    --root) root="${2:?--root needs a directory}"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "stack-inputs: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$stack" ]; then
  echo "stack-inputs: name the stack to write inputs for: data or app (see --help)" >&2
  exit 2
fi

outputs() { terraform -chdir="$root/$1" output -json; }

network=$(outputs network)
if [ "$stack" = data ]; then
  jq '{vpc_id: .vpc_id.value, private_subnet_ids: .private_subnet_ids.value}' <<<"$network" \
    >"$root/data/inputs.auto.tfvars.json"
else
  data=$(outputs data)
  jq -n --argjson n "$network" --argjson d "$data" '{
      vpc_id: $n.vpc_id.value,
      public_subnet_ids: $n.public_subnet_ids.value,
      private_subnet_ids: $n.private_subnet_ids.value,
      db_host: $d.db_host.value,
      db_port: $d.db_port.value,
      db_name: $d.db_name.value,
      db_master_secret_arn: $d.db_master_secret_arn.value,
      db_migrator_secret_arn: $d.db_migrator_secret_arn.value,
      db_app_secret_arn: $d.db_app_secret_arn.value,
      db_client_security_group_id: $d.db_client_security_group_id.value
    }' >"$root/app/inputs.auto.tfvars.json"
fi
echo "stack-inputs: wrote $root/$stack/inputs.auto.tfvars.json" >&2

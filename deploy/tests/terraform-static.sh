#!/usr/bin/env bash
# Terraform without AWS: formatting, init from the provider mirror, validate, and `terraform test` against a
# mocked provider (the invariants in each stack's tests/), plus each environment's variable file.
set -euo pipefail
# shellcheck source=deploy/tests/lib.sh
source "$(dirname "$0")/lib.sh"
make_scratch
trap 'rm -rf "$SCRATCH"' EXIT

quiet "terraform fmt: run 'terraform fmt -recursive deploy/terraform'" \
  terraform fmt -check -recursive -diff "$DEPLOY_DIR/terraform"
note "fmt: clean"

# The GitHub deploy role's policy grants exactly the actions docs/deployment.md lists for it, no more, no fewer.
# Actions only: a condition key (`iam:PassedToService = ...`, "ecs:CreateAction" = ...) is left out.
actions_in() { sed -E 's/"?[a-z]+:[A-Za-z]+"? =//g' | grep -oE '(ecr|ecs|logs|iam):[A-Za-z]+' | sort -u; }
policy_actions=$(sed -n '/^resource "aws_iam_role_policy" "github_deploy"/,/^}/p' "$DEPLOY_DIR/terraform/registry/github-oidc.tf" | actions_in)
documented_actions=$(sed -n '/The role.s policy is what .deploy.sh. calls/,/^$/p' "$REPO_DIR/docs/deployment.md" | actions_in)
[ -n "$documented_actions" ] || die "docs/deployment.md no longer lists the GitHub deploy role's actions"
if [ "$policy_actions" != "$documented_actions" ]; then
  diff <(echo "$documented_actions") <(echo "$policy_actions") | sed -n 's/^</  documented only:/p; s/^>/  granted only:/p' >&2 || true
  die "the GitHub deploy role's policy (registry/github-oidc.tf) and docs/deployment.md list different actions"
fi
note "github deploy role: grants the $(wc -l <<<"$policy_actions") actions docs/deployment.md lists"

# Each stack in its own copy, all four at once; a stack's output is shown only when it fails.
check_stack() {
  local stack="$1" dir tfvars inputs
  dir=$(copy_stack "$stack")
  tf_init "$dir" -backend=false
  quiet "terraform validate failed for $stack" terraform -chdir="$dir" validate -no-color
  quiet "terraform test failed for $stack" terraform -chdir="$dir" test -no-color
  # Every variable file (staging, prod, ...) must be complete and keep the environment's guarantees.
  inputs=()
  [ ! -f "$dir/tests/env/inputs.tfvars" ] || inputs=(-var-file=tests/env/inputs.tfvars)
  for tfvars in "$dir"/*.tfvars; do
    quiet "terraform test with $(basename "$tfvars") failed for $stack" terraform -chdir="$dir" test -no-color \
      -test-directory=tests/env -var-file="$(basename "$tfvars")" "${inputs[@]}"
  done
}

declare -A pids
for stack in "${STACKS[@]}"; do
  check_stack "$stack" >"$SCRATCH/$stack.log" 2>&1 &
  pids[$stack]=$!
done
failed=()
for stack in "${STACKS[@]}"; do
  if wait "${pids[$stack]}"; then
    note "$stack: validate, terraform test and $(cd "$DEPLOY_DIR/terraform/$stack" && echo *.tfvars) pass"
  else
    cat "$SCRATCH/$stack.log" >&2
    failed+=("$stack")
  fi
done
[ ${#failed[@]} -eq 0 ] || die "terraform checks failed for: ${failed[*]}"

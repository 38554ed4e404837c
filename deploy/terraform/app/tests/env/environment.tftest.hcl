# Run with an environment's variable file: terraform test -test-directory=tests/env -var-file=prod.tfvars
# -var-file=tests/env/inputs.tfvars. Checks the file is complete and that prod keeps serving during deploys.
mock_provider "aws" {}

run "environment_file_is_complete" {
  command = plan

  assert {
    condition     = var.environment != "prod" || aws_ecs_service.app.desired_count >= 2
    error_message = "prod needs at least two app tasks."
  }
}

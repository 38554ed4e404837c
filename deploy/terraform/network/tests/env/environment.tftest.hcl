# Run with an environment's variable file: terraform test -test-directory=tests/env -var-file=prod.tfvars
mock_provider "aws" {}

run "environment_file_is_complete" {
  command = plan

  assert {
    condition     = var.environment != "prod" || length(aws_subnet.private) >= 3
    error_message = "prod spreads over at least three availability zones."
  }
}

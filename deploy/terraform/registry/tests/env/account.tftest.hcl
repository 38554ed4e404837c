# Run with the account's variable file: terraform test -test-directory=tests/env -var-file=account.tfvars
mock_provider "aws" {}

run "account_file_is_complete" {
  command = plan

  assert {
    condition     = aws_ecr_repository.app.name == var.name
    error_message = "The repository is named after the application."
  }
}

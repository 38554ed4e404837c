# Run with an environment's variable file: terraform test -test-directory=tests/env -var-file=prod.tfvars
# -var-file=tests/env/inputs.tfvars. Checks the file is complete and that prod keeps its database.
mock_provider "aws" {}

run "environment_file_is_complete" {
  command = plan

  assert {
    condition     = var.environment != "prod" || (aws_db_instance.main.deletion_protection && !aws_db_instance.main.skip_final_snapshot)
    error_message = "prod must be protected: deletion protection and a final snapshot."
  }

  assert {
    condition     = var.environment != "prod" || aws_db_instance.main.multi_az
    error_message = "prod's database must have a standby in a second availability zone."
  }
}

# Invariants of the data stack, checked against a mocked AWS provider (no AWS account, no network).
mock_provider "aws" {
  mock_resource "aws_db_instance" {
    defaults = {
      master_user_secret = [{
        secret_arn    = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-0123-abcdef"
        kms_key_id    = "arn:aws:kms:eu-west-1:123456789012:key/0123"
        secret_status = "active"
      }]
    }
  }
}

variables {
  name               = "cruddur"
  environment        = "test"
  region             = "eu-west-1"
  vpc_id             = "vpc-0123"
  private_subnet_ids = ["subnet-a", "subnet-b"]
  protected          = true
  db_name            = "cruddur"
  master_username    = "cruddur_admin"
}

run "database_is_private_encrypted_and_backed_up" {
  command = apply

  assert {
    condition     = aws_db_instance.main.publicly_accessible == false
    error_message = "The database must not be publicly accessible."
  }

  assert {
    condition     = aws_db_instance.main.storage_encrypted
    error_message = "The database's storage must be encrypted."
  }

  assert {
    condition     = aws_db_instance.main.backup_retention_period >= 7
    error_message = "Keep at least 7 days of backups."
  }

  assert {
    condition     = aws_db_subnet_group.main.subnet_ids == toset(var.private_subnet_ids)
    error_message = "The database must live in the private subnets only."
  }
}

run "password_is_managed_by_rds_in_secrets_manager" {
  command = apply

  assert {
    condition     = aws_db_instance.main.manage_master_user_password && aws_db_instance.main.password == null
    error_message = "RDS must generate the master password and keep it in Secrets Manager; Terraform must not hold one."
  }

  assert {
    condition     = output.db_master_secret_arn == aws_db_instance.main.master_user_secret[0].secret_arn
    error_message = "The app stack needs the managed secret's ARN."
  }
}

run "tls_is_required" {
  command = apply

  assert {
    condition     = contains([for p in aws_db_parameter_group.main.parameter : "${p.name}=${p.value}"], "rds.force_ssl=1")
    error_message = "The parameter group must set rds.force_ssl=1."
  }

  assert {
    condition     = aws_db_instance.main.parameter_group_name == aws_db_parameter_group.main.name
    error_message = "The database must use the parameter group that forces TLS."
  }
}

run "only_the_client_group_reaches_the_port" {
  command = apply

  assert {
    condition     = aws_db_instance.main.vpc_security_group_ids == toset([aws_security_group.db.id])
    error_message = "The database must carry only its own security group."
  }

  assert {
    condition = (
      aws_security_group_rule.db_from_clients.type == "ingress"
      && aws_security_group_rule.db_from_clients.security_group_id == aws_security_group.db.id
      && aws_security_group_rule.db_from_clients.source_security_group_id == aws_security_group.db_client.id
      && aws_security_group_rule.db_from_clients.cidr_blocks == null
      && aws_security_group_rule.db_from_clients.from_port == 5432
      && aws_security_group_rule.db_from_clients.to_port == 5432
    )
    error_message = "The database's only ingress rule must admit 5432/tcp from the db-client group and no address range."
  }

  assert {
    condition     = output.db_client_security_group_id == aws_security_group.db_client.id
    error_message = "The app stack needs the db-client group to attach to its tasks."
  }
}

run "protected_environment_keeps_the_database" {
  command = apply

  assert {
    condition     = aws_db_instance.main.deletion_protection
    error_message = "A protected environment's database must have deletion protection."
  }

  assert {
    condition     = aws_db_instance.main.skip_final_snapshot == false && aws_db_instance.main.final_snapshot_identifier == "cruddur-test-db-final"
    error_message = "Deleting a protected environment's database must take a final snapshot."
  }
}

run "unprotected_environment_can_be_torn_down" {
  command = apply

  variables {
    protected = false
  }

  assert {
    condition     = aws_db_instance.main.deletion_protection == false && aws_db_instance.main.skip_final_snapshot
    error_message = "An unprotected environment (a scratch staging) can be deleted without a snapshot."
  }
}

run "short_backup_retention_is_refused" {
  command = plan

  variables {
    backup_retention_days = 1
  }

  expect_failures = [var.backup_retention_days]
}

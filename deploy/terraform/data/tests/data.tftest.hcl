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
  # The app stack checks that what it is given are ARNs.
  mock_resource "aws_secretsmanager_secret" {
    defaults = { arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:mock-0123" }
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

run "each_database_role_has_its_own_secret" {
  command = apply

  assert {
    condition     = output.db_roles == { migrator = "cruddur_migrator", app = "cruddur_app" }
    error_message = "The stack must name a migration role and an application role."
  }

  assert {
    condition = (aws_secretsmanager_secret.role["migrator"].name == "cruddur-test-db/migrator"
    && aws_secretsmanager_secret.role["app"].name == "cruddur-test-db/app")
    error_message = "Each role needs a secret of its own, named after the database."
  }

  assert {
    condition = alltrue([for k, v in aws_secretsmanager_secret_version.role :
    v.secret_id == aws_secretsmanager_secret.role[k].id && v.secret_string_wo_version == 1])
    error_message = "Each role's password must be written to its own secret, through the write-only attribute."
  }

  assert {
    condition     = alltrue([for s in aws_secretsmanager_secret.role : s.recovery_window_in_days == 30])
    error_message = "A protected environment must keep a deleted role secret recoverable."
  }
}

run "names_with_dashes_give_valid_role_names" {
  command = plan

  variables {
    name = "my-app"
  }

  assert {
    condition     = output.db_roles == { migrator = "my_app_migrator", app = "my_app_app" }
    error_message = "Role names must be plain SQL identifiers."
  }
}

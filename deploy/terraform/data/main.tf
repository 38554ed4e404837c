locals {
  id         = module.conventions.id
  pg_major   = split(".", var.engine_version)[0]
  identifier = "${local.id}-db"
}

resource "aws_db_subnet_group" "main" {
  name        = local.identifier
  description = "Private subnets of ${local.id}'s database"
  subnet_ids  = local.private_subnet_ids

  lifecycle {
    precondition {
      condition     = length(local.private_subnet_ids) >= 2
      error_message = "An RDS subnet group needs subnets in at least two availability zones; the network has ${length(local.private_subnet_ids)} private subnets."
    }
  }
}

resource "aws_db_parameter_group" "main" {
  name        = "${local.identifier}-pg${local.pg_major}"
  family      = "postgres${local.pg_major}"
  description = "${local.id}: TLS required for every connection"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_instance" "main" {
  identifier     = local.identifier
  engine         = "postgres"
  engine_version = var.engine_version
  instance_class = var.instance_class

  db_name  = var.db_name
  username = var.master_username
  port     = var.port
  # RDS generates the password, keeps it in a Secrets Manager secret it owns and rotates it; Terraform never sees it.
  manage_master_user_password = true

  allocated_storage     = var.allocated_storage
  max_allocated_storage = var.max_allocated_storage
  storage_type          = "gp3"
  storage_encrypted     = true

  db_subnet_group_name   = aws_db_subnet_group.main.name
  vpc_security_group_ids = [aws_security_group.db.id]
  publicly_accessible    = false
  multi_az               = var.multi_az
  parameter_group_name   = aws_db_parameter_group.main.name

  backup_retention_period    = var.backup_retention_days
  copy_tags_to_snapshot      = true
  auto_minor_version_upgrade = true

  deletion_protection       = var.protected
  skip_final_snapshot       = !var.protected
  final_snapshot_identifier = var.protected ? "${local.identifier}-final" : null

  # Destroying this stack deletes the instance first and its network rules and role secrets after it, so a deletion
  # refused by deletion protection leaves the database reachable, with its credentials, exactly as before.
  depends_on = [
    aws_security_group_rule.db_from_clients,
    aws_security_group_rule.clients_to_db,
    aws_secretsmanager_secret_version.role,
  ]
}

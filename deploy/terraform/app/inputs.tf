# What this stack builds on: the network stack's VPC and subnets and the data stack's database, secrets and client
# security group. Left unset (the usual case), each input is looked up in AWS by the names and tags those stacks
# give their resources (modules/conventions: everything is named after <name>-<environment>). Set, a variable wins:
# for a network or database made elsewhere.

data "aws_vpc" "network" {
  count = var.vpc_id == null ? 1 : 0

  tags = {
    Name  = local.id
    Stack = "network"
  }
}

data "aws_subnets" "tier" {
  for_each = toset(concat(var.public_subnet_ids == null ? ["public"] : [], var.private_subnet_ids == null ? ["private"] : []))

  filter {
    name   = "vpc-id"
    values = [local.vpc_id]
  }

  tags = {
    Tier = each.key
  }
}

data "aws_db_instance" "main" {
  count                  = anytrue([for v in [var.db_host, var.db_name, var.db_master_secret_arn] : v == null]) ? 1 : 0
  db_instance_identifier = "${local.id}-db"
}

data "aws_secretsmanager_secret" "role" {
  for_each = toset(concat(var.db_migrator_secret_arn == null ? ["migrator"] : [], var.db_app_secret_arn == null ? ["app"] : []))
  name     = "${local.id}-db/${each.key}"
}

data "aws_security_group" "db_client" {
  count  = var.db_client_security_group_id == null ? 1 : 0
  name   = "${local.id}-db-client"
  vpc_id = local.vpc_id
}

locals {
  vpc_id                      = var.vpc_id != null ? var.vpc_id : data.aws_vpc.network[0].id
  public_subnet_ids           = var.public_subnet_ids != null ? var.public_subnet_ids : sort(data.aws_subnets.tier["public"].ids)
  private_subnet_ids          = var.private_subnet_ids != null ? var.private_subnet_ids : sort(data.aws_subnets.tier["private"].ids)
  db_host                     = var.db_host != null ? var.db_host : data.aws_db_instance.main[0].address
  db_port                     = var.db_port != null ? var.db_port : one(data.aws_db_instance.main[*].port) != null ? one(data.aws_db_instance.main[*].port) : 5432
  db_name                     = var.db_name != null ? var.db_name : data.aws_db_instance.main[0].db_name
  db_master_secret_arn        = var.db_master_secret_arn != null ? var.db_master_secret_arn : data.aws_db_instance.main[0].master_user_secret[0].secret_arn
  db_migrator_secret_arn      = var.db_migrator_secret_arn != null ? var.db_migrator_secret_arn : data.aws_secretsmanager_secret.role["migrator"].arn
  db_app_secret_arn           = var.db_app_secret_arn != null ? var.db_app_secret_arn : data.aws_secretsmanager_secret.role["app"].arn
  db_client_security_group_id = var.db_client_security_group_id != null ? var.db_client_security_group_id : data.aws_security_group.db_client[0].id
}

# The network this stack builds on. Left unset (the usual case), each input is looked up in AWS by the names and
# tags the network stack gives its resources (modules/conventions): the VPC named <name>-<environment> of the
# network stack, and its subnets tagged Tier = private. Set, a variable wins: for a network made elsewhere.

data "aws_vpc" "network" {
  count = var.vpc_id == null ? 1 : 0

  tags = {
    Name  = local.id
    Stack = "network"
  }
}

data "aws_subnets" "private" {
  count = var.private_subnet_ids == null ? 1 : 0

  filter {
    name   = "vpc-id"
    values = [local.vpc_id]
  }

  tags = {
    Tier = "private"
  }
}

locals {
  vpc_id             = var.vpc_id != null ? var.vpc_id : data.aws_vpc.network[0].id
  private_subnet_ids = var.private_subnet_ids != null ? var.private_subnet_ids : sort(data.aws_subnets.private[0].ids)
}

# Invariants of the network stack, checked against a mocked AWS provider (no AWS account, no network).
mock_provider "aws" {}

variables {
  name               = "cruddur"
  environment        = "test"
  region             = "eu-west-1"
  availability_zones = ["eu-west-1a", "eu-west-1b"]
}

run "vpc_resolves_rds_and_ecs_names" {
  command = apply

  assert {
    condition     = aws_vpc.main.enable_dns_support && aws_vpc.main.enable_dns_hostnames
    error_message = "The VPC needs DNS support and DNS host names for RDS endpoints and Fargate."
  }
}

run "private_subnets_have_no_route_from_the_internet" {
  command = apply

  assert {
    condition     = length(aws_subnet.private) == 2 && alltrue([for s in aws_subnet.private : !s.map_public_ip_on_launch])
    error_message = "Each availability zone needs a private subnet that gives no public addresses."
  }

  assert {
    condition     = alltrue([for a in aws_route_table_association.private : a.route_table_id == aws_route_table.private.id])
    error_message = "Private subnets must use the private route table."
  }

  assert {
    condition     = aws_route.private_nat[0].nat_gateway_id == aws_nat_gateway.main[0].id && aws_route.private_nat[0].gateway_id == null
    error_message = "The private route table may leave only through the NAT gateway, never the internet gateway."
  }
}

run "one_availability_zone_is_refused" {
  command = plan

  variables {
    availability_zones = ["eu-west-1a"]
  }

  expect_failures = [var.availability_zones]
}

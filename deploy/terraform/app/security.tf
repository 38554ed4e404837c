# Who talks to whom:
#   internet (allowed_cidr_blocks) -> alb :80/:443 -> app tasks :container_port
#   app tasks, migration task      -> database :5432 through the data stack's db-client group
#   app tasks, migration task      -> :443 (ECR, Secrets Manager, CloudWatch Logs) through the NAT gateway
# The database's own group admits only the db-client group, which is attached to the app service and to the
# migration task and to nothing else in this stack.

resource "aws_security_group" "alb" {
  name        = "${local.id}-alb"
  description = "${local.id} load balancer"
  vpc_id      = local.vpc_id
}

resource "aws_security_group" "app" {
  name        = "${local.id}-app"
  description = "${local.id} app tasks: traffic from the load balancer only"
  vpc_id      = local.vpc_id
}

resource "aws_security_group" "migration" {
  name        = "${local.id}-migrate"
  description = "${local.id} migration task: no inbound traffic"
  vpc_id      = local.vpc_id
}

resource "aws_security_group_rule" "alb_http_in" {
  type              = "ingress"
  security_group_id = aws_security_group.alb.id
  description       = "HTTP from allowed addresses"
  cidr_blocks       = var.allowed_cidr_blocks
  protocol          = "tcp"
  from_port         = 80
  to_port           = 80
}

resource "aws_security_group_rule" "alb_https_in" {
  count             = var.certificate_arn == null ? 0 : 1
  type              = "ingress"
  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from allowed addresses"
  cidr_blocks       = var.allowed_cidr_blocks
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_security_group_rule" "alb_to_app" {
  type                     = "egress"
  security_group_id        = aws_security_group.alb.id
  description              = "To the app tasks"
  source_security_group_id = aws_security_group.app.id
  protocol                 = "tcp"
  from_port                = var.container_port
  to_port                  = var.container_port
}

resource "aws_security_group_rule" "app_from_alb" {
  type                     = "ingress"
  security_group_id        = aws_security_group.app.id
  description              = "From the load balancer"
  source_security_group_id = aws_security_group.alb.id
  protocol                 = "tcp"
  from_port                = var.container_port
  to_port                  = var.container_port
}

resource "aws_security_group_rule" "app_https_out" {
  type              = "egress"
  security_group_id = aws_security_group.app.id
  description       = "AWS APIs (ECR, Secrets Manager, CloudWatch Logs)"
  cidr_blocks       = ["0.0.0.0/0"]
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_security_group_rule" "migration_https_out" {
  type              = "egress"
  security_group_id = aws_security_group.migration.id
  description       = "AWS APIs (ECR, Secrets Manager, CloudWatch Logs)"
  cidr_blocks       = ["0.0.0.0/0"]
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
}

locals {
  app_security_group_ids       = [aws_security_group.app.id, local.db_client_security_group_id]
  migration_security_group_ids = [aws_security_group.migration.id, local.db_client_security_group_id]
}

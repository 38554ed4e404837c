resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/${local.id}/app"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "migration" {
  name              = "/ecs/${local.id}/migrate"
  retention_in_days = var.log_retention_days
}

output "cluster_name" {
  description = "ECS cluster (deploy.sh --cluster)."
  value       = aws_ecs_cluster.main.name
}

output "service_name" {
  description = "ECS service of the app (deploy.sh --service)."
  value       = aws_ecs_service.app.name
}

output "app_task_family" {
  description = "Task definition family of the app (deploy.sh --app-family)."
  value       = aws_ecs_task_definition.app.family
}

output "migration_task_family" {
  description = "Task definition family of the migration task (deploy.sh --migration-family)."
  value       = aws_ecs_task_definition.migration.family
}

output "private_subnet_ids" {
  description = "Subnets the migration task runs in (deploy.sh --subnets)."
  value       = local.private_subnet_ids
}

output "migration_security_group_ids" {
  description = "Security groups of the migration task (deploy.sh --security-groups)."
  value       = local.migration_security_group_ids
}

output "app_security_group_ids" {
  description = "Security groups of the app tasks."
  value       = local.app_security_group_ids
}

output "app_log_group" {
  description = "CloudWatch log group of the app."
  value       = aws_cloudwatch_log_group.app.name
}

output "migration_log_group" {
  description = "CloudWatch log group of the migration task."
  value       = aws_cloudwatch_log_group.migration.name
}

output "alb_dns_name" {
  description = "DNS name of the load balancer (the smoke test's target)."
  value       = aws_lb.main.dns_name
}

output "app_url" {
  description = "Base URL of the app through the load balancer."
  value       = "${var.certificate_arn == null ? "http" : "https"}://${aws_lb.main.dns_name}"
}

output "execution_role_arn" {
  description = "Role ECS uses to start the app tasks (the deploy role needs iam:PassRole on it)."
  value       = aws_iam_role.execution.arn
}

output "migration_execution_role_arn" {
  description = "Role ECS uses to start the migration task (the deploy role needs iam:PassRole on it)."
  value       = aws_iam_role.migration_execution.arn
}

output "task_role_arn" {
  description = "Role of the app's and migration's code (the deploy role needs iam:PassRole on it)."
  value       = aws_iam_role.task.arn
}

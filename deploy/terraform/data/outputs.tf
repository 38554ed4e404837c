output "db_instance_identifier" {
  description = "RDS instance identifier."
  value       = aws_db_instance.main.identifier
}

output "db_host" {
  description = "Host name of the database endpoint (give it to the app stack as db_host)."
  value       = aws_db_instance.main.address
}

output "db_port" {
  description = "Port of the database."
  value       = aws_db_instance.main.port
}

output "db_name" {
  description = "Name of the application's database."
  value       = aws_db_instance.main.db_name
}

output "db_master_secret_arn" {
  description = "ARN of the Secrets Manager secret RDS manages for the master user (JSON with username and password)."
  value       = aws_db_instance.main.master_user_secret[0].secret_arn
}

output "db_master_secret_kms_key_id" {
  description = "KMS key that encrypts the master user secret."
  value       = aws_db_instance.main.master_user_secret[0].kms_key_id
}

output "db_security_group_id" {
  description = "Security group on the database."
  value       = aws_security_group.db.id
}

output "db_client_security_group_id" {
  description = "Security group to attach to every task that may reach the database (the app and migration tasks)."
  value       = aws_security_group.db_client.id
}

output "db_migrator_secret_arn" {
  description = "ARN of the migration role's secret (JSON with username and password); only the migration task reads it."
  value       = aws_secretsmanager_secret.role["migrator"].arn
}

output "db_app_secret_arn" {
  description = "ARN of the application role's secret (JSON with username and password); the only secret the app tasks read."
  value       = aws_secretsmanager_secret.role["app"].arn
}

output "db_roles" {
  description = "Names of the migration and application roles."
  value       = local.roles
}

locals {
  ecs_tasks_trust = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  # An execution role is what ECS itself uses to start a task: pull the image, create the log stream, and fetch the
  # secrets named in the task definition. Each task has its own, allowed to read its own secrets and nothing else.
  app_readable_secrets       = [local.db_app_secret_arn]
  migration_readable_secrets = [local.db_migrator_secret_arn, local.db_master_secret_arn, local.db_app_secret_arn]
}

# The app's execution role: the application role's secret and nothing else in Secrets Manager.
resource "aws_iam_role" "execution" {
  name               = "${local.id}-ecs-execution"
  description        = "ECS pulls ${local.id}'s image, writes the app's logs and injects the application role's secret"
  assume_role_policy = local.ecs_tasks_trust
}

resource "aws_iam_role_policy_attachment" "execution_managed" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role_policy" "execution_secret" {
  name = "database-secret"
  role = aws_iam_role.execution.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "ReadAppRoleSecret"
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue"]
      Resource = local.app_readable_secrets
    }]
  })
}

# The migration task's execution role: the migration role's secret, plus what the roles' bootstrap needs (the master
# user's secret, and the application role's secret to set its password), and the master secret's key if it has one.
resource "aws_iam_role" "migration_execution" {
  name               = "${local.id}-ecs-migrate-execution"
  description        = "ECS pulls ${local.id}'s image, writes the migration's logs and injects the database secrets"
  assume_role_policy = local.ecs_tasks_trust
}

resource "aws_iam_role_policy_attachment" "migration_execution_managed" {
  role       = aws_iam_role.migration_execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role_policy" "migration_execution_secret" {
  name = "database-secrets"
  role = aws_iam_role.migration_execution.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [{
        Sid      = "ReadDatabaseSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = local.migration_readable_secrets
      }],
      var.db_secret_kms_key_arn == null ? [] : [{
        Sid      = "DecryptMasterSecret"
        Effect   = "Allow"
        Action   = ["kms:Decrypt"]
        Resource = [var.db_secret_kms_key_arn]
      }]
    )
  })
}

# The role the app's and the migration's own code would use for AWS calls. It has no permissions: the database
# credentials arrive as environment variables injected by ECS, so the code never needs Secrets Manager.
resource "aws_iam_role" "task" {
  name               = "${local.id}-ecs-task"
  description        = "${local.id}'s app and migration tasks (no AWS permissions)"
  assume_role_policy = local.ecs_tasks_trust
}

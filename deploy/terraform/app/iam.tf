locals {
  ecs_tasks_trust = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  # The execution role is what ECS itself uses to start a task: pull the image, create the log stream, and fetch
  # the secrets named in the task definition. It may read the database secret and nothing else in Secrets Manager.
  execution_secret_statements = concat(
    [{
      Sid      = "ReadDatabaseSecret"
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue"]
      Resource = [var.db_secret_arn]
    }],
    var.db_secret_kms_key_arn == null ? [] : [{
      Sid      = "DecryptDatabaseSecret"
      Effect   = "Allow"
      Action   = ["kms:Decrypt"]
      Resource = [var.db_secret_kms_key_arn]
    }]
  )
}

resource "aws_iam_role" "execution" {
  name               = "${local.id}-ecs-execution"
  description        = "ECS pulls ${local.id}'s image, writes its logs and injects its database secret"
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
    Version   = "2012-10-17"
    Statement = local.execution_secret_statements
  })
}

# The role the app's and the migration's own code would use for AWS calls. It has no permissions: the database
# credentials arrive as an environment variable injected by ECS, so the code never needs Secrets Manager.
resource "aws_iam_role" "task" {
  name               = "${local.id}-ecs-task"
  description        = "${local.id}'s app and migration tasks (no AWS permissions)"
  assume_role_policy = local.ecs_tasks_trust
}

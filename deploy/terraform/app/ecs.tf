locals {
  id = module.conventions.id

  # Strata and the app read the same variables: each task's database role secret (JSON with username and password)
  # arrives as DB_SECRET, injected by ECS from Secrets Manager; the address is plain configuration.
  db_environment = [
    { name = "DB_HOST", value = local.db_host },
    { name = "DB_PORT", value = tostring(local.db_port) },
    { name = "DB_NAME", value = local.db_name },
  ]

  # The app tasks get the application role's secret and nothing else.
  app_secrets = [{ name = "DB_SECRET", valueFrom = local.db_app_secret_arn }]

  # The migration task runs `strata up` as the migration role, after deploy/sql/bootstrap-roles.sql has created or
  # updated both roles as the master user: that needs the master user's credentials and both roles' names and
  # passwords, each injected as one field of its secret (ECS's "arn:json-key::" form).
  migration_secrets = [
    { name = "DB_SECRET", valueFrom = local.db_migrator_secret_arn },
    { name = "DB_ADMIN_USER", valueFrom = "${local.db_master_secret_arn}:username::" },
    { name = "DB_ADMIN_PASSWORD", valueFrom = "${local.db_master_secret_arn}:password::" },
    { name = "DB_MIGRATOR_ROLE", valueFrom = "${local.db_migrator_secret_arn}:username::" },
    { name = "DB_MIGRATOR_PASSWORD", valueFrom = "${local.db_migrator_secret_arn}:password::" },
    { name = "DB_APP_ROLE", valueFrom = "${local.db_app_secret_arn}:username::" },
    { name = "DB_APP_PASSWORD", valueFrom = "${local.db_app_secret_arn}:password::" },
  ]

  # strata-migrate (deploy/docker/strata-migrate.sh) runs the roles' bootstrap, then strata with these arguments.
  migration_command = ["strata-migrate", "up", "--migrations-dir", var.migrations_dir]
}

resource "aws_ecs_cluster" "main" {
  name = local.id

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_task_definition" "app" {
  family                   = "${local.id}-app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.app_cpu
  memory                   = var.app_memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([{
    name         = "app"
    image        = var.image
    essential    = true
    memory       = var.app_memory
    portMappings = [{ containerPort = var.container_port, hostPort = var.container_port, protocol = "tcp" }]
    environment  = concat(local.db_environment, [{ name = "ASPNETCORE_URLS", value = "http://+:${var.container_port}" }], local.feed_cache_environment)
    secrets      = local.app_secrets
    healthCheck = {
      command     = ["CMD", "/usr/local/bin/healthcheck", "/health/live"]
      interval    = 15
      timeout     = 5
      retries     = 3
      startPeriod = 30
    }
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.app.name
        awslogs-region        = var.region
        awslogs-stream-prefix = "app"
      }
    }
  }])
}

# The same image as the app with the command replaced: set up the database roles, run the pending migrations, then
# exit. Its exit code
# (docs/exit-codes.md) decides whether the deploy goes on.
resource "aws_ecs_task_definition" "migration" {
  family                   = "${local.id}-migrate"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.migration_cpu
  memory                   = var.migration_memory
  execution_role_arn       = aws_iam_role.migration_execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([{
    name        = "migrate"
    image       = var.image
    essential   = true
    memory      = var.migration_memory
    command     = local.migration_command
    environment = local.db_environment
    secrets     = local.migration_secrets
    # Time for strata to cancel the running statement and release its lock when the task is stopped.
    stopTimeout = 60
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.migration.name
        awslogs-region        = var.region
        awslogs-stream-prefix = "migrate"
      }
    }
  }])
}

resource "aws_ecs_service" "app" {
  name                              = "${local.id}-app"
  cluster                           = aws_ecs_cluster.main.id
  task_definition                   = aws_ecs_task_definition.app.arn
  desired_count                     = var.desired_count
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 60
  # Old tasks keep serving until new ones are ready; a deployment that never gets ready is rolled back.
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  propagate_tags                     = "SERVICE"

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = local.private_subnet_ids
    security_groups  = local.app_security_group_ids
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = var.container_port
  }

  lifecycle {
    # deploy/scripts/deploy.sh moves the service to new task definition revisions (new images) after the
    # migration succeeded; Terraform must not move it back to the revision it registered itself.
    ignore_changes = [task_definition]
  }

  depends_on = [aws_lb_listener.http]
}

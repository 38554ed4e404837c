# Invariants of the app stack, checked against a mocked AWS provider (no AWS account, no network).
mock_provider "aws" {
  # The provider checks that these attributes are ARNs when other resources use them.
  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::123456789012:role/mock" }
  }
  mock_resource "aws_lb" {
    defaults = { arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/mock/0123" }
  }
  mock_resource "aws_lb_target_group" {
    defaults = { arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/mock/0123" }
  }
}

variables {
  name                        = "cruddur"
  environment                 = "test"
  region                      = "eu-west-1"
  vpc_id                      = "vpc-0123"
  public_subnet_ids           = ["subnet-pub-a", "subnet-pub-b"]
  private_subnet_ids          = ["subnet-priv-a", "subnet-priv-b"]
  image                       = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/cruddur:v1"
  db_host                     = "cruddur-test-db.abc.eu-west-1.rds.amazonaws.com"
  db_name                     = "cruddur"
  db_master_secret_arn        = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-0123-abcdef"
  db_migrator_secret_arn      = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:cruddur-test-db/migrator-AbCdEf"
  db_app_secret_arn           = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:cruddur-test-db/app-GhIjKl"
  db_client_security_group_id = "sg-dbclient"
}

run "migration_task_is_the_app_image_with_the_command_replaced" {
  command = apply

  assert {
    condition     = jsondecode(aws_ecs_task_definition.migration.container_definitions)[0].image == var.image
    error_message = "The migration task must run the app's image."
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.app.container_definitions)[0].image == var.image
    error_message = "The app task must run the given image."
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.migration.container_definitions)[0].command == ["strata-migrate", "up", "--migrations-dir", "/app/db/migrations"]
    error_message = "The migration task must override the command with the roles' bootstrap and strata up."
  }

  assert {
    condition     = !can(jsondecode(aws_ecs_task_definition.app.container_definitions)[0].command)
    error_message = "The app task must run the image's own command."
  }

  assert {
    condition     = output.migration_task_family == "cruddur-test-migrate" && output.app_task_family == "cruddur-test-app"
    error_message = "The pipeline needs both task definition families."
  }
}

run "database_credentials_come_from_secrets_manager_only" {
  command = apply

  assert {
    condition     = jsondecode(aws_ecs_task_definition.app.container_definitions)[0].secrets == [{ name = "DB_SECRET", valueFrom = var.db_app_secret_arn }]
    error_message = "The app tasks must receive the application role's secret as DB_SECRET, and no other secret."
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_ecs_task_definition.migration.container_definitions)[0].secrets :
    s.valueFrom == var.db_migrator_secret_arn if s.name == "DB_SECRET"])
    error_message = "The migration task must run strata as the migration role."
  }

  assert {
    condition = (sort([for s in jsondecode(aws_ecs_task_definition.migration.container_definitions)[0].secrets : s.name])
    == sort(["DB_SECRET", "DB_ADMIN_USER", "DB_ADMIN_PASSWORD", "DB_MIGRATOR_ROLE", "DB_MIGRATOR_PASSWORD", "DB_APP_ROLE", "DB_APP_PASSWORD"]))
    error_message = "The migration task gets its own secret plus what the roles' bootstrap needs, all injected by ECS."
  }

  assert {
    condition = alltrue(flatten([for td in [aws_ecs_task_definition.app, aws_ecs_task_definition.migration] : [
      for e in jsondecode(td.container_definitions)[0].environment :
      !contains(["DB_PASSWORD", "DB_SECRET", "DATABASE_URL", "STRATA_DATABASE_URL", "PGPASSWORD", "DB_ADMIN_PASSWORD", "DB_APP_PASSWORD", "DB_MIGRATOR_PASSWORD"], e.name)
    ]]))
    error_message = "No password or connection URL may be given as a plain environment value."
  }

  assert {
    condition = alltrue([for td in [aws_ecs_task_definition.app, aws_ecs_task_definition.migration] :
      contains(jsondecode(td.container_definitions)[0].environment, { name = "DB_HOST", value = var.db_host })
    ])
    error_message = "Both tasks need the database address as DB_HOST (the role secrets hold no host)."
  }
}

run "the_app_tasks_may_read_only_the_application_secret" {
  command = apply

  assert {
    condition     = jsondecode(aws_iam_role_policy.execution_secret.policy).Statement == [{ Sid = "ReadAppRoleSecret", Effect = "Allow", Action = ["secretsmanager:GetSecretValue"], Resource = [var.db_app_secret_arn] }]
    error_message = "The app's execution role may call GetSecretValue on the application role's secret and nothing else."
  }

  assert {
    condition     = aws_ecs_task_definition.app.execution_role_arn == aws_iam_role.execution.arn && aws_ecs_task_definition.migration.execution_role_arn == aws_iam_role.migration_execution.arn
    error_message = "Each task must start with its own execution role."
  }

  assert {
    condition     = aws_iam_role.execution.name != aws_iam_role.migration_execution.name
    error_message = "The app and migration tasks need distinct execution roles."
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_iam_role_policy.migration_execution_secret.policy).Statement :
      sort(s.Resource) == sort([var.db_migrator_secret_arn, var.db_master_secret_arn, var.db_app_secret_arn])
    if anytrue([for a in s.Action : startswith(a, "secretsmanager:")])])
    error_message = "The migration's execution role may read the three database secrets and nothing else in Secrets Manager."
  }

  assert {
    condition     = aws_ecs_task_definition.app.task_role_arn == aws_iam_role.task.arn && aws_iam_role.task.name != aws_iam_role.execution.name
    error_message = "The app's own code must not run with the execution role."
  }
}

run "a_customer_key_adds_decrypt_on_that_key_for_the_migration_only" {
  command = apply

  variables {
    db_secret_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/abcd"
  }

  assert {
    condition = anytrue([for s in jsondecode(aws_iam_role_policy.migration_execution_secret.policy).Statement :
      s.Action == ["kms:Decrypt"] && s.Resource == ["arn:aws:kms:eu-west-1:123456789012:key/abcd"]
    ])
    error_message = "A customer managed key on the master secret needs kms:Decrypt on that key only."
  }

  assert {
    condition     = length(jsondecode(aws_iam_role_policy.execution_secret.policy).Statement) == 1
    error_message = "The app never reads the master secret, so it needs no key."
  }
}

run "only_app_and_migration_tasks_carry_the_database_client_group" {
  command = apply

  assert {
    condition     = contains(aws_ecs_service.app.network_configuration[0].security_groups, var.db_client_security_group_id)
    error_message = "The app tasks must carry the db-client group to reach the database."
  }

  assert {
    condition     = contains(output.migration_security_group_ids, var.db_client_security_group_id)
    error_message = "The migration task must carry the db-client group to reach the database."
  }

  assert {
    condition     = !contains(aws_lb.main.security_groups, var.db_client_security_group_id)
    error_message = "The load balancer must not carry the db-client group."
  }

  assert {
    condition     = aws_ecs_service.app.network_configuration[0].assign_public_ip == false && aws_ecs_service.app.network_configuration[0].subnets == toset(var.private_subnet_ids)
    error_message = "App tasks must run in the private subnets without public addresses."
  }

  assert {
    condition     = aws_lb.main.subnets == toset(var.public_subnet_ids) && !aws_lb.main.internal
    error_message = "The load balancer must face the internet from the public subnets."
  }
}

run "load_balancer_checks_readiness" {
  command = apply

  assert {
    condition     = aws_lb_target_group.app.health_check[0].path == "/health/ready" && aws_lb_target_group.app.health_check[0].matcher == "200"
    error_message = "The load balancer must route only to tasks whose /health/ready answers 200."
  }

  assert {
    condition = (
      one(aws_ecs_service.app.load_balancer).container_name == "app"
      && one(aws_ecs_service.app.load_balancer).container_port == 8080
      && one(aws_ecs_service.app.load_balancer).target_group_arn == aws_lb_target_group.app.arn
    )
    error_message = "The service must register the app container's port with the target group."
  }

  assert {
    condition     = aws_ecs_service.app.deployment_circuit_breaker[0].enable && aws_ecs_service.app.deployment_circuit_breaker[0].rollback
    error_message = "A deployment whose tasks never get healthy must be rolled back."
  }

  assert {
    condition     = aws_lb_listener.http.default_action[0].type == "forward"
    error_message = "Without a certificate, port 80 forwards to the app."
  }
}

run "with_a_certificate_http_redirects_to_https" {
  command = apply

  variables {
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/abcd"
  }

  assert {
    condition     = aws_lb_listener.http.default_action[0].type == "redirect" && aws_lb_listener.https[0].port == 443
    error_message = "With a certificate, port 80 must redirect to 443."
  }
}

run "logs_are_kept_for_a_bounded_time" {
  command = apply

  assert {
    condition     = aws_cloudwatch_log_group.app.retention_in_days == 30 && aws_cloudwatch_log_group.migration.retention_in_days == 30
    error_message = "Both log groups need a retention period."
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.migration.container_definitions)[0].logConfiguration.options["awslogs-group"] == aws_cloudwatch_log_group.migration.name
    error_message = "The migration must log to its own group, where deploy.sh reads it."
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.migration.container_definitions)[0].logConfiguration.options["awslogs-stream-prefix"] == "migrate"
    error_message = "deploy.sh finds the migration's log stream under the prefix migrate."
  }
}

run "fargate_containers_declare_their_memory" {
  command = apply

  assert {
    condition = alltrue([for td in [aws_ecs_task_definition.app, aws_ecs_task_definition.migration] :
      jsondecode(td.container_definitions)[0].memory == tonumber(td.memory)
    ])
    error_message = "Each container declares the task's memory."
  }
}

run "a_secret_that_is_not_an_arn_is_refused" {
  command = plan

  variables {
    db_app_secret_arn = "cruddur/db-password"
  }

  expect_failures = [var.db_app_secret_arn]
}

run "https_on_the_load_balancer_when_a_certificate_is_given" {
  command = apply

  variables {
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/0123"
  }

  assert {
    condition = (length(aws_lb_listener.https) == 1 && aws_lb_listener.https[0].port == 443
      && aws_lb_listener.https[0].protocol == "HTTPS" && aws_lb_listener.https[0].certificate_arn == var.certificate_arn
    && startswith(aws_lb_listener.https[0].ssl_policy, "ELBSecurityPolicy-TLS13"))
    error_message = "With a certificate, the load balancer must serve HTTPS on 443 with a TLS 1.3 policy."
  }

  assert {
    condition = (aws_lb_listener.http.default_action[0].type == "redirect"
      && aws_lb_listener.http.default_action[0].redirect[0].protocol == "HTTPS"
    && aws_lb_listener.http.default_action[0].redirect[0].status_code == "HTTP_301")
    error_message = "With a certificate, plain HTTP must be redirected to HTTPS, never forwarded."
  }

  assert {
    condition     = startswith(output.app_url, "https://")
    error_message = "The app's URL must say https when a certificate is given."
  }
}

run "plain_http_only_without_a_certificate" {
  command = apply

  assert {
    condition     = length(aws_lb_listener.https) == 0 && aws_lb_listener.http.default_action[0].type == "forward"
    error_message = "Without a certificate there is no HTTPS listener and port 80 forwards to the app."
  }
}

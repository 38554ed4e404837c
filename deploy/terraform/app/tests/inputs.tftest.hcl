# Without the network and data stacks' values given as variables, the stack finds them by the names and tags those
# stacks give their resources; a variable that is given wins over the lookup.
mock_provider "aws" {
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

override_data {
  target = data.aws_vpc.network
  values = { id = "vpc-found" }
}

override_data {
  target = data.aws_subnets.tier["public"]
  values = { ids = ["subnet-pub-b", "subnet-pub-a"] }
}

override_data {
  target = data.aws_subnets.tier["private"]
  values = { ids = ["subnet-priv-b", "subnet-priv-a"] }
}

override_data {
  target = data.aws_db_instance.main
  values = {
    address            = "cruddur-test-db.found.eu-west-1.rds.amazonaws.com"
    port               = 5433
    db_name            = "cruddur"
    master_user_secret = [{ secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-found", kms_key_id = "", secret_status = "active" }]
  }
}

override_data {
  target = data.aws_secretsmanager_secret.role["migrator"]
  values = { arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:cruddur-test-db/migrator-found" }
}

override_data {
  target = data.aws_secretsmanager_secret.role["app"]
  values = { arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:cruddur-test-db/app-found" }
}

override_data {
  target = data.aws_security_group.db_client
  values = { id = "sg-found" }
}

variables {
  name        = "cruddur"
  environment = "test"
  region      = "eu-west-1"
  image       = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/cruddur:v1"
}

run "inputs_are_found_by_name_and_tag" {
  command = apply

  assert {
    condition     = data.aws_vpc.network[0].tags == tomap({ Name = "cruddur-test", Stack = "network" })
    error_message = "The VPC is the network stack's, found by its name and Stack tag."
  }

  assert {
    condition     = data.aws_db_instance.main[0].db_instance_identifier == "cruddur-test-db" && data.aws_security_group.db_client[0].name == "cruddur-test-db-client"
    error_message = "The database and its client group are the data stack's, found by their names."
  }

  assert {
    condition     = data.aws_secretsmanager_secret.role["app"].name == "cruddur-test-db/app" && data.aws_secretsmanager_secret.role["migrator"].name == "cruddur-test-db/migrator"
    error_message = "The role secrets are found by the names the data stack gives them."
  }

  assert {
    condition     = aws_lb.main.subnets == toset(["subnet-pub-a", "subnet-pub-b"]) && output.private_subnet_ids == tolist(["subnet-priv-a", "subnet-priv-b"])
    error_message = "The load balancer takes the public subnets and the tasks the private ones."
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.app.container_definitions)[0].secrets == [{ name = "DB_SECRET", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:cruddur-test-db/app-found" }]
    error_message = "The app task gets the application secret that was found."
  }

  assert {
    condition = (contains(jsondecode(aws_ecs_task_definition.app.container_definitions)[0].environment, { name = "DB_HOST", value = "cruddur-test-db.found.eu-west-1.rds.amazonaws.com" })
    && contains(jsondecode(aws_ecs_task_definition.app.container_definitions)[0].environment, { name = "DB_PORT", value = "5433" }))
    error_message = "The tasks get the found database's address and port."
  }

  assert {
    condition     = contains(aws_ecs_service.app.network_configuration[0].security_groups, "sg-found")
    error_message = "The app tasks carry the found db-client group."
  }
}

run "a_given_variable_wins_over_the_lookup" {
  command = apply

  variables {
    db_app_secret_arn  = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:given-app"
    private_subnet_ids = ["subnet-given-a", "subnet-given-b"]
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.app.container_definitions)[0].secrets[0].valueFrom == "arn:aws:secretsmanager:eu-west-1:123456789012:secret:given-app"
    error_message = "A given application secret ARN wins over the lookup."
  }

  assert {
    condition     = !contains(keys(data.aws_secretsmanager_secret.role), "app") && !contains(keys(data.aws_subnets.tier), "private")
    error_message = "What is given is not looked up."
  }

  assert {
    condition     = output.private_subnet_ids == tolist(["subnet-given-a", "subnet-given-b"])
    error_message = "Given subnets win over the lookup."
  }
}

# The home feed cache (feed_cache.tf), checked against a mocked AWS provider: off by default, and when on, in the
# private subnets, reachable from the app tasks only, with its endpoint in the app task's environment.
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
  mock_resource "aws_elasticache_replication_group" {
    defaults = { primary_endpoint_address = "master.cruddur-test-feed.abc123.euw1.cache.amazonaws.com" }
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

run "no_cache_unless_a_node_type_is_given" {
  command = apply

  assert {
    condition     = length(aws_elasticache_replication_group.feed_cache) == 0 && length(aws_security_group.feed_cache) == 0
    error_message = "Without feed_cache_node_type there must be no cache and no cache security group."
  }

  assert {
    condition     = !anytrue([for e in jsondecode(aws_ecs_task_definition.app.container_definitions)[0].environment : e.name == "Cruddur__Cache__Redis"])
    error_message = "Without a cache the app must not be told about one (its cache stays off)."
  }

  assert {
    condition     = output.feed_cache_endpoint == null
    error_message = "Without a cache there is no endpoint."
  }
}

run "the_cache_sits_in_the_private_subnets_and_only_the_app_reaches_it" {
  command = apply

  variables {
    feed_cache_node_type = "cache.t4g.micro"
  }

  assert {
    condition     = toset(aws_elasticache_subnet_group.feed_cache[0].subnet_ids) == toset(var.private_subnet_ids)
    error_message = "The cache must live in the private subnets."
  }

  assert {
    condition     = aws_elasticache_replication_group.feed_cache[0].subnet_group_name == aws_elasticache_subnet_group.feed_cache[0].name
    error_message = "The replication group must use the private subnet group."
  }

  assert {
    condition     = aws_elasticache_replication_group.feed_cache[0].security_group_ids == toset([aws_security_group.feed_cache[0].id])
    error_message = "The cache must have its own security group and no other."
  }

  assert {
    condition = (aws_security_group_rule.feed_cache_from_app[0].type == "ingress"
      && aws_security_group_rule.feed_cache_from_app[0].security_group_id == aws_security_group.feed_cache[0].id
      && aws_security_group_rule.feed_cache_from_app[0].source_security_group_id == aws_security_group.app.id
      && aws_security_group_rule.feed_cache_from_app[0].cidr_blocks == null
    && aws_security_group_rule.feed_cache_from_app[0].from_port == 6379 && aws_security_group_rule.feed_cache_from_app[0].to_port == 6379)
    error_message = "The cache's group must admit the app tasks' group on 6379 and nothing else."
  }

  assert {
    condition     = aws_elasticache_replication_group.feed_cache[0].transit_encryption_enabled && aws_elasticache_replication_group.feed_cache[0].at_rest_encryption_enabled
    error_message = "The cache must encrypt in transit and at rest."
  }

  assert {
    condition     = aws_elasticache_replication_group.feed_cache[0].num_cache_clusters == 2 && aws_elasticache_replication_group.feed_cache[0].automatic_failover_enabled
    error_message = "By default the cache has a primary and one replica, with automatic failover."
  }

  assert {
    condition = contains(jsondecode(aws_ecs_task_definition.app.container_definitions)[0].environment, {
      name  = "Cruddur__Cache__Redis"
      value = "master.cruddur-test-feed.abc123.euw1.cache.amazonaws.com:6379,ssl=true"
    })
    error_message = "The app task must receive the cache's primary endpoint, with TLS, as Cruddur__Cache__Redis."
  }

  assert {
    condition     = !anytrue([for e in jsondecode(aws_ecs_task_definition.migration.container_definitions)[0].environment : e.name == "Cruddur__Cache__Redis"])
    error_message = "The migration task does not use the cache."
  }

  assert {
    condition     = output.feed_cache_endpoint == "master.cruddur-test-feed.abc123.euw1.cache.amazonaws.com:6379"
    error_message = "The endpoint output must be the primary's host:port."
  }
}

run "no_replica_means_no_failover" {
  command = plan

  variables {
    feed_cache_node_type = "cache.t4g.micro"
    feed_cache_replicas  = 0
  }

  assert {
    condition     = aws_elasticache_replication_group.feed_cache[0].num_cache_clusters == 1 && !aws_elasticache_replication_group.feed_cache[0].automatic_failover_enabled && !aws_elasticache_replication_group.feed_cache[0].multi_az_enabled
    error_message = "A single node cannot fail over."
  }
}

run "refuses_a_fractional_replica_count" {
  command = plan

  variables {
    feed_cache_node_type = "cache.t4g.micro"
    feed_cache_replicas  = 1.5
  }

  expect_failures = [var.feed_cache_replicas]
}

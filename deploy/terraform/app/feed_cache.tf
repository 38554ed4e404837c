# The home feed's optional Redis cache: an ElastiCache replication group in the private subnets, reachable on 6379
# from the app tasks and nothing else, its endpoint given to the app as Cruddur__Cache__Redis (TLS on). Off unless
# feed_cache_node_type is set. It is a cache: no snapshots, and losing it only sends the feed back to the database
# (the app's readiness reports it Degraded, still serving).
#
#   app tasks -> feed cache :6379 (TLS) through the feed-cache group, which admits only the app group

variable "feed_cache_node_type" {
  description = "ElastiCache node type of the home feed cache (for example cache.t4g.micro); null creates no cache."
  type        = string
  default     = null
}

variable "feed_cache_replicas" {
  description = "Read replicas beside the primary; one or more also turns on automatic failover across availability zones."
  type        = number
  default     = 1

  validation {
    condition     = var.feed_cache_replicas >= 0 && var.feed_cache_replicas <= 5 && floor(var.feed_cache_replicas) == var.feed_cache_replicas
    error_message = "feed_cache_replicas must be a whole number from 0 to 5."
  }
}

locals {
  feed_cache_enabled = var.feed_cache_node_type != null
  feed_cache_port    = 6379
  feed_cache_environment = local.feed_cache_enabled ? [{
    name  = "Cruddur__Cache__Redis"
    value = "${aws_elasticache_replication_group.feed_cache[0].primary_endpoint_address}:${local.feed_cache_port},ssl=true"
  }] : []
}

resource "aws_elasticache_subnet_group" "feed_cache" {
  count       = local.feed_cache_enabled ? 1 : 0
  name        = "${local.id}-feed-cache"
  description = "${local.id} home feed cache: private subnets"
  subnet_ids  = local.private_subnet_ids
}

resource "aws_security_group" "feed_cache" {
  count       = local.feed_cache_enabled ? 1 : 0
  name        = "${local.id}-feed-cache"
  description = "${local.id} home feed cache: Redis from the app tasks only"
  vpc_id      = local.vpc_id
}

resource "aws_security_group_rule" "feed_cache_from_app" {
  count                    = local.feed_cache_enabled ? 1 : 0
  type                     = "ingress"
  security_group_id        = aws_security_group.feed_cache[0].id
  description              = "Redis from the app tasks"
  source_security_group_id = aws_security_group.app.id
  protocol                 = "tcp"
  from_port                = local.feed_cache_port
  to_port                  = local.feed_cache_port
}

resource "aws_security_group_rule" "app_to_feed_cache" {
  count                    = local.feed_cache_enabled ? 1 : 0
  type                     = "egress"
  security_group_id        = aws_security_group.app.id
  description              = "To the home feed cache"
  source_security_group_id = aws_security_group.feed_cache[0].id
  protocol                 = "tcp"
  from_port                = local.feed_cache_port
  to_port                  = local.feed_cache_port
}

resource "aws_elasticache_replication_group" "feed_cache" {
  count                      = local.feed_cache_enabled ? 1 : 0
  replication_group_id       = "${local.id}-feed"
  description                = "${local.id} home feed cache"
  engine                     = "redis"
  engine_version             = "7.1"
  parameter_group_name       = "default.redis7"
  node_type                  = var.feed_cache_node_type
  port                       = local.feed_cache_port
  num_cache_clusters         = 1 + var.feed_cache_replicas
  automatic_failover_enabled = var.feed_cache_replicas > 0
  multi_az_enabled           = var.feed_cache_replicas > 0
  subnet_group_name          = aws_elasticache_subnet_group.feed_cache[0].name
  security_group_ids         = [aws_security_group.feed_cache[0].id]
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  snapshot_retention_limit   = 0
}

output "feed_cache_endpoint" {
  description = "host:port of the home feed cache's primary, or null when there is no cache."
  value       = local.feed_cache_enabled ? "${aws_elasticache_replication_group.feed_cache[0].primary_endpoint_address}:${local.feed_cache_port}" : null
}

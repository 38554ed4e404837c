# Two groups: "db" is on the database; "db-client" is attached by the app stack to the app and migration tasks.
# The database accepts connections on its port from members of "db-client" and from nothing else. Both groups
# live in this stack so that destroying the app stack cannot leave the database's rules dangling.

resource "aws_security_group" "db" {
  name        = local.identifier
  description = "${local.id} database: accepts ${var.port}/tcp from the db-client group only"
  vpc_id      = local.vpc_id
}

resource "aws_security_group" "db_client" {
  name        = "${local.identifier}-client"
  description = "${local.id}: tasks allowed to reach the database (app and migration)"
  vpc_id      = local.vpc_id
}

# Standalone rules, because each group's rule names the other group.
resource "aws_security_group_rule" "db_from_clients" {
  type                     = "ingress"
  security_group_id        = aws_security_group.db.id
  description              = "PostgreSQL from the app and migration tasks"
  source_security_group_id = aws_security_group.db_client.id
  protocol                 = "tcp"
  from_port                = var.port
  to_port                  = var.port
}

resource "aws_security_group_rule" "clients_to_db" {
  type                     = "egress"
  security_group_id        = aws_security_group.db_client.id
  description              = "PostgreSQL to the database"
  source_security_group_id = aws_security_group.db.id
  protocol                 = "tcp"
  from_port                = var.port
  to_port                  = var.port
}

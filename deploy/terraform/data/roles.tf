# The two database roles the app uses besides the RDS master user (deploy/sql/bootstrap-roles.sql creates them in
# the database; the migration task runs it before every `strata up`):
#   migrator: owns the schema, changes it; used by the migration task only
#   app:      reads and writes rows (DML only, through default privileges); used by the app tasks
# Each has its own Secrets Manager secret, so the app's tasks can be allowed to read the app secret and no other.
#
# Secrets Manager generates the passwords and Terraform writes them through a write-only attribute, once per
# role_password_version: raise it to have Terraform write new ones (the next migration task sets them in the
# database). A rotation function or `aws secretsmanager put-secret-value` may also replace a secret's value, which
# Terraform then leaves alone. The generator is a data source (Terraform's test mocks cannot stand in for its
# ephemeral twin), so the value it last generated sits in this stack's state, marked sensitive: keep the state
# bucket encrypted and private, as for every stack. After the first apply that value is no longer the secret's.

locals {
  role_prefix = replace(var.name, "-", "_")
  roles = {
    migrator = "${local.role_prefix}_migrator"
    app      = "${local.role_prefix}_app"
  }
  role_purpose = {
    migrator = "migration role (owns the schema; the migration task only)"
    app      = "application role (reads and writes rows; the app tasks)"
  }
}

data "aws_secretsmanager_random_password" "role" {
  for_each            = local.roles
  password_length     = 40
  exclude_punctuation = true
}

resource "aws_secretsmanager_secret" "role" {
  for_each    = local.roles
  name        = "${local.identifier}/${each.key}"
  description = "${local.id} database ${local.role_purpose[each.key]}: JSON with username and password"
  # A protected environment keeps a deleted secret recoverable for the longest window AWS allows.
  recovery_window_in_days = var.protected ? 30 : 0
}

# No host in the secret: it would tie the secret to the instance, and destroying the stack would then delete the
# secrets before the instance's deletion protection refuses. The tasks get the address as DB_HOST, DB_PORT, DB_NAME.
resource "aws_secretsmanager_secret_version" "role" {
  for_each  = local.roles
  secret_id = aws_secretsmanager_secret.role[each.key].id
  secret_string_wo = jsonencode({
    engine   = "postgres"
    username = each.value
    password = data.aws_secretsmanager_random_password.role[each.key].random_password
    dbname   = var.db_name
    port     = var.port
  })
  secret_string_wo_version = var.role_password_version
}

# GitHub Actions deploys with short-lived credentials: the workflow presents GitHub's OIDC token and assumes this
# role (vars.AWS_DEPLOY_ROLE_ARN in .github/workflows/deploy.yml), so no AWS key is stored in the repository. The
# role trusts only the given repository's jobs that run in one of the given GitHub environments, whose protection
# rules (required reviewers on prod) then guard every use of it. Created only when github_repository is set.

variable "github_repository" {
  description = "The repository allowed to deploy, as owner/name; null creates no GitHub role."
  type        = string
  default     = null

  validation {
    condition     = var.github_repository == null || can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must be owner/name, without wildcards."
  }
}

variable "github_environments" {
  description = "GitHub environments whose jobs may assume the deploy role."
  type        = list(string)
  default     = ["staging", "prod"]
}

variable "create_github_oidc_provider" {
  description = "Create the account's GitHub OIDC identity provider; false when the account already has one."
  type        = bool
  default     = true
}

data "aws_caller_identity" "current" {}

locals {
  github        = var.github_repository != null
  github_issuer = "token.actions.githubusercontent.com"
  account_id    = data.aws_caller_identity.current.account_id
  github_provider_arn = (local.github && var.create_github_oidc_provider
    ? aws_iam_openid_connect_provider.github[0].arn
  : "arn:aws:iam::${local.account_id}:oidc-provider/${local.github_issuer}")
  ecs_prefix = "arn:aws:ecs:${var.region}:${local.account_id}"
}

resource "aws_iam_openid_connect_provider" "github" {
  count          = local.github && var.create_github_oidc_provider ? 1 : 0
  url            = "https://${local.github_issuer}"
  client_id_list = ["sts.amazonaws.com"]
  # AWS verifies GitHub's certificate itself; the provider still requires a thumbprint.
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

resource "aws_iam_role" "github_deploy" {
  count                = local.github ? 1 : 0
  name                 = "${var.name}-github-deploy"
  description          = "GitHub Actions of ${var.github_repository} deploy ${var.name}"
  max_session_duration = 3600
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = local.github_provider_arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${local.github_issuer}:aud" = "sts.amazonaws.com"
          "${local.github_issuer}:sub" = [for e in var.github_environments : "repo:${var.github_repository}:environment:${e}"]
        }
      }
    }]
  })
}

# Exactly what deploy/scripts/deploy.sh and the workflow call: push to this repository, register (and tag) task
# definitions, run the migration task, update the service, read the migration logs. Nothing in IAM but passing the tasks' roles.
resource "aws_iam_role_policy" "github_deploy" {
  count = local.github ? 1 : 0
  name  = "deploy"
  role  = aws_iam_role.github_deploy[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "EcrLogin"
        Effect   = "Allow"
        Action   = ["ecr:GetAuthorizationToken"]
        Resource = ["*"]
      },
      {
        Sid    = "PushImages"
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload", "ecr:DescribeImages",
          "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart",
        ]
        Resource = [aws_ecr_repository.app.arn]
      },
      {
        # These two calls take no resource in IAM.
        Sid      = "TaskDefinitions"
        Effect   = "Allow"
        Action   = ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"]
        Resource = ["*"]
      },
      {
        Sid    = "RunAndRollOut"
        Effect = "Allow"
        Action = ["ecs:RunTask", "ecs:DescribeTasks", "ecs:StopTask", "ecs:DescribeServices", "ecs:UpdateService"]
        Resource = [
          "${local.ecs_prefix}:task-definition/${var.name}-*:*",
          "${local.ecs_prefix}:task/${var.name}-*/*",
          "${local.ecs_prefix}:service/${var.name}-*/*",
        ]
      },
      {
        # register-task-definition copies the family's tags (the app stack's default tags) to the new revision,
        # which AWS authorizes as tagging it: allowed on the revisions being registered only.
        Sid       = "TagNewRevisions"
        Effect    = "Allow"
        Action    = ["ecs:TagResource"]
        Resource  = ["${local.ecs_prefix}:task-definition/${var.name}-*:*"]
        Condition = { StringEquals = { "ecs:CreateAction" = "RegisterTaskDefinition" } }
      },
      {
        Sid      = "MigrationLogs"
        Effect   = "Allow"
        Action   = ["logs:GetLogEvents"]
        Resource = ["arn:aws:logs:${var.region}:${local.account_id}:log-group:/ecs/${var.name}-*:*"]
      },
      {
        Sid      = "PassTaskRoles"
        Effect   = "Allow"
        Action   = ["iam:PassRole"]
        Resource = ["arn:aws:iam::${local.account_id}:role/${var.name}-*-ecs-*"]
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
    ]
  })
}

output "github_deploy_role_arn" {
  description = "Role for GitHub Actions (set it as the AWS_DEPLOY_ROLE_ARN variable of each GitHub environment); null without github_repository."
  value       = local.github ? aws_iam_role.github_deploy[0].arn : null
}

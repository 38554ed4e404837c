mock_provider "aws" {}

variables {
  name   = "cruddur"
  region = "eu-west-1"
}

run "tags_name_one_image_forever" {
  command = apply

  assert {
    condition     = aws_ecr_repository.app.image_tag_mutability == "IMMUTABLE"
    error_message = "Image tags must be immutable so a deployed tag always names the tested image."
  }

  assert {
    condition     = aws_ecr_repository.app.image_scanning_configuration[0].scan_on_push
    error_message = "Images must be scanned on push."
  }
}

run "no_github_role_unless_a_repository_is_given" {
  command = apply

  assert {
    condition     = length(aws_iam_role.github_deploy) == 0 && length(aws_iam_openid_connect_provider.github) == 0
    error_message = "Without github_repository, nothing may trust GitHub."
  }
}

run "github_actions_assume_the_deploy_role_through_oidc_only_from_the_repository_and_its_environments" {
  command = apply

  variables {
    github_repository = "example/strata"
  }

  assert {
    condition     = aws_iam_openid_connect_provider.github[0].url == "https://token.actions.githubusercontent.com" && aws_iam_openid_connect_provider.github[0].client_id_list == toset(["sts.amazonaws.com"])
    error_message = "The identity provider must be GitHub's token issuer with the STS audience."
  }

  assert {
    condition = (jsondecode(aws_iam_role.github_deploy[0].assume_role_policy).Statement[0].Action == "sts:AssumeRoleWithWebIdentity"
      && jsondecode(aws_iam_role.github_deploy[0].assume_role_policy).Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:aud"] == "sts.amazonaws.com"
      && jsondecode(aws_iam_role.github_deploy[0].assume_role_policy).Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"] == [
        "repo:example/strata:environment:staging", "repo:example/strata:environment:prod",
    ])
    error_message = "The role must trust only web identities of this repository's staging and prod environments, for STS."
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_iam_role_policy.github_deploy[0].policy).Statement :
    !contains(s.Action, "*") && alltrue([for a in s.Action : !endswith(a, ":*")])])
    error_message = "The deploy role's actions must be named one by one."
  }

  assert {
    condition = one([for s in jsondecode(aws_iam_role_policy.github_deploy[0].policy).Statement :
    s.Condition.StringEquals["iam:PassedToService"] if s.Sid == "PassTaskRoles"]) == "ecs-tasks.amazonaws.com"
    error_message = "The deploy role may pass roles only to ECS tasks."
  }
}

run "github_repository_must_not_be_a_wildcard" {
  command = plan

  variables {
    github_repository = "example/*"
  }

  expect_failures = [var.github_repository]
}

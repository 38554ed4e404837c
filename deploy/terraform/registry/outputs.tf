output "repository_url" {
  description = "Registry address to tag and push images to."
  value       = aws_ecr_repository.app.repository_url
}

output "repository_arn" {
  description = "ARN of the repository (for the deploy role's push permissions)."
  value       = aws_ecr_repository.app.arn
}

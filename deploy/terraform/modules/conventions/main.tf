# What every stack shares: the Terraform and AWS provider versions, the resource name prefix and the default tags.
# Each stack calls this module once and gives its tags to its provider's default_tags.
#
# The version constraints below apply to every stack that calls the module: Terraform takes the provider version
# that satisfies the constraints of all modules. What cannot move here stays in each stack: the backend block, the
# provider block itself (a module cannot configure its caller's provider), and the provider's source address in
# required_providers (each module names the providers it uses).

terraform {
  # 1.11: write-only attributes (the data stack writes the roles' passwords through one).
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}

variable "name" {
  description = "Application name, the prefix of every resource name."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,19}$", var.name))
    error_message = "name must be 1 to 20 lower-case letters, digits or dashes, starting with a letter (it prefixes names AWS limits in length)."
  }
}

variable "environment" {
  description = "Environment name (staging, prod, ...); null for a stack shared by every environment (the registry)."
  type        = string
  default     = null
}

variable "stack" {
  description = "The stack's name, kept in the Stack tag."
  type        = string
}

output "id" {
  description = "Prefix of the stack's resource names: name-environment, or name alone without an environment."
  value       = var.environment == null ? var.name : "${var.name}-${var.environment}"
}

output "tags" {
  description = "Tags every resource of the stack carries (the provider's default_tags)."
  value = merge(
    { Application = var.name, Stack = var.stack, ManagedBy = "terraform" },
    var.environment == null ? {} : { Environment = var.environment },
  )
}

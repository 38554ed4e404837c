variable "name" {
  description = "Application name, used as the prefix of every resource name."
  type        = string
}

variable "environment" {
  description = "Environment name (staging, prod, ...)."
  type        = string
}

variable "region" {
  description = "AWS region."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the database (the network stack's vpc_id); null looks it up."
  type        = string
  default     = null
}

variable "private_subnet_ids" {
  description = "Private subnets for the DB subnet group, in at least two availability zones; null looks it up."
  type        = list(string)
  default     = null

  validation {
    condition     = var.private_subnet_ids == null ? true : length(var.private_subnet_ids) >= 2
    error_message = "An RDS subnet group needs subnets in at least two availability zones."
  }
}

variable "protected" {
  description = "Protect the database: deletion protection on, and a final snapshot taken if it is ever deleted."
  type        = bool
}

variable "engine_version" {
  description = "PostgreSQL major version (minor upgrades are applied by RDS)."
  type        = string
  default     = "16"
}

variable "instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.micro"
}

variable "allocated_storage" {
  description = "Initial storage in GiB."
  type        = number
  default     = 20
}

variable "max_allocated_storage" {
  description = "Upper bound for storage autoscaling in GiB."
  type        = number
  default     = 100
}

variable "multi_az" {
  description = "Run a standby in a second availability zone."
  type        = bool
  default     = false
}

variable "db_name" {
  description = "Name of the application's database."
  type        = string
}

variable "master_username" {
  description = "Master user name; its password is generated and kept in Secrets Manager by RDS."
  type        = string
}

variable "port" {
  description = "Port the database listens on."
  type        = number
  default     = 5432
}

variable "backup_retention_days" {
  description = "Days of automated backups (point-in-time recovery window)."
  type        = number
  default     = 7

  validation {
    condition     = var.backup_retention_days >= 7 && var.backup_retention_days <= 35
    error_message = "Keep between 7 and 35 days of backups."
  }
}

variable "role_password_version" {
  description = "Generation of the migration and application roles' passwords: raise it to have Terraform write new random passwords into both secrets."
  type        = number
  default     = 1
}

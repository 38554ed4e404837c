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
  description = "VPC (the network stack's vpc_id); null looks it up."
  type        = string
  default     = null
}

variable "public_subnet_ids" {
  description = "Subnets of the load balancer (the network stack's public_subnet_ids); null looks it up."
  type        = list(string)
  default     = null
}

variable "private_subnet_ids" {
  description = "Subnets of the app and migration tasks (the network stack's private_subnet_ids); null looks it up."
  type        = list(string)
  default     = null
}

variable "image" {
  description = "Image of the app, which also carries strata and the migrations. Deploys register new revisions with a new image; this value seeds the first revision."
  type        = string
}

variable "container_port" {
  description = "Port the app listens on inside the container."
  type        = number
  default     = 8080
}

variable "health_check_path" {
  description = "Path the load balancer polls; a task receives traffic only while it answers 200."
  type        = string
  default     = "/health/ready"
}

variable "desired_count" {
  description = "Number of app tasks."
  type        = number
  default     = 2
}

variable "app_cpu" {
  description = "CPU units of an app task."
  type        = number
  default     = 256
}

variable "app_memory" {
  description = "Memory (MiB) of an app task."
  type        = number
  default     = 512
}

variable "migration_cpu" {
  description = "CPU units of the migration task."
  type        = number
  default     = 256
}

variable "migration_memory" {
  description = "Memory (MiB) of the migration task."
  type        = number
  default     = 512
}

variable "migrations_dir" {
  description = "Directory of the migrations inside the image."
  type        = string
  default     = "/app/db/migrations"
}

variable "log_retention_days" {
  description = "Days CloudWatch keeps the app's and the migration's logs."
  type        = number
  default     = 30
}

variable "db_host" {
  description = "Database host (the data stack's db_host); null looks it up."
  type        = string
  default     = null
}

variable "db_port" {
  description = "Database port (the data stack's db_port); null takes the looked-up database's, or 5432."
  type        = number
  default     = null
}

variable "db_name" {
  description = "Database name (the data stack's db_name); null looks it up."
  type        = string
  default     = null
}

variable "db_master_secret_arn" {
  description = "ARN of the RDS-managed master secret (the data stack's db_master_secret_arn); only the migration task's bootstrap reads it; null looks it up."
  type        = string
  default     = null

  validation {
    condition     = var.db_master_secret_arn == null || can(regex("^arn:aws[a-z-]*:secretsmanager:", var.db_master_secret_arn))
    error_message = "db_master_secret_arn must be the ARN of a Secrets Manager secret."
  }
}

variable "db_migrator_secret_arn" {
  description = "ARN of the migration role's secret (the data stack's db_migrator_secret_arn); only the migration task reads it; null looks it up."
  type        = string
  default     = null

  validation {
    condition     = var.db_migrator_secret_arn == null || can(regex("^arn:aws[a-z-]*:secretsmanager:", var.db_migrator_secret_arn))
    error_message = "db_migrator_secret_arn must be the ARN of a Secrets Manager secret."
  }
}

variable "db_app_secret_arn" {
  description = "ARN of the application role's secret (the data stack's db_app_secret_arn); the only secret the app tasks read; null looks it up."
  type        = string
  default     = null

  validation {
    condition     = var.db_app_secret_arn == null || can(regex("^arn:aws[a-z-]*:secretsmanager:", var.db_app_secret_arn))
    error_message = "db_app_secret_arn must be the ARN of a Secrets Manager secret."
  }
}

variable "db_secret_kms_key_arn" {
  description = "Customer managed KMS key of the master secret, if any; null when it uses the AWS managed key."
  type        = string
  default     = null
}

variable "db_client_security_group_id" {
  description = "Security group that the database admits (the data stack's db_client_security_group_id); null looks it up."
  type        = string
  default     = null
}

variable "allowed_cidr_blocks" {
  description = "Addresses allowed to reach the load balancer."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "certificate_arn" {
  description = "ACM certificate for HTTPS on the load balancer; null serves plain HTTP on port 80 only."
  type        = string
  default     = null
}

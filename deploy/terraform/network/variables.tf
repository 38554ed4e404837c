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

variable "cidr_block" {
  description = "CIDR block of the VPC; subnets are /24 slices of it."
  type        = string
  default     = "10.0.0.0/16"
}

variable "availability_zones" {
  description = "Availability zones to spread subnets over; RDS needs at least two."
  type        = list(string)

  validation {
    condition     = length(var.availability_zones) >= 2
    error_message = "Give at least two availability zones: an RDS subnet group needs subnets in two."
  }
}

variable "nat_gateway" {
  description = "Create one NAT gateway so tasks in private subnets reach ECR, Secrets Manager and CloudWatch Logs."
  type        = bool
  default     = true
}

variable "name" {
  description = "Application name; also the repository name."
  type        = string
}

variable "region" {
  description = "AWS region."
  type        = string
}

variable "keep_images" {
  description = "Number of tagged images kept; older ones are expired."
  type        = number
  default     = 100
}

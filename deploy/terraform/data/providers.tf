provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Application = var.name
      Environment = var.environment
      Stack       = "data"
      ManagedBy   = "terraform"
    }
  }
}

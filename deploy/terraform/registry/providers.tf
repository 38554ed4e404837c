provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Application = var.name
      Stack       = "registry"
      ManagedBy   = "terraform"
    }
  }
}

# Names, tags and the Terraform and provider versions every stack shares (deploy/terraform/modules/conventions).
module "conventions" {
  source      = "../modules/conventions"
  name        = var.name
  environment = var.environment
  stack       = "data"
}

provider "aws" {
  region = var.region

  default_tags {
    tags = module.conventions.tags
  }
}

terraform {
  # The Terraform and AWS provider version constraints live in modules/conventions, shared by every stack. The
  # provider's source must still be named here: each module declares the providers it uses.
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }

  # Partial configuration: the state bucket, key and region are given at init time (there is no backend file in
  # this repository), for example
  # terraform init -backend-config="bucket=my-tf-state" -backend-config="key=cruddur/registry.tfstate" -backend-config="region=eu-west-1"
  backend "s3" {}
}

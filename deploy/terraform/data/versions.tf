terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Partial configuration: the state bucket, key and region are given at init time (there is no backend file in
  # this repository), for example
  # terraform init -backend-config="bucket=my-tf-state" -backend-config="key=cruddur/staging/data.tfstate" -backend-config="region=eu-west-1"
  backend "s3" {}
}

terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Partial configuration: give the bucket, key and region at init time, for example
  # terraform init -backend-config=../backend/staging.s3.tfbackend -backend-config="key=cruddur/registry.tfstate"
  backend "s3" {}
}

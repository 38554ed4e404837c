name               = "cruddur"
environment        = "staging"
region             = "eu-west-1"
cidr_block         = "10.10.0.0/16"
availability_zones = ["eu-west-1a", "eu-west-1b"]

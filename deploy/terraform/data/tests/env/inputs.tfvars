# Stand-ins for the network stack's outputs.
vpc_id             = "vpc-0123"
private_subnet_ids = ["subnet-a", "subnet-b"]

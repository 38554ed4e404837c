name            = "cruddur"
environment     = "staging"
region          = "eu-west-1"
protected       = false
db_name         = "cruddur"
master_username = "cruddur_admin"
instance_class  = "db.t4g.micro"
# The network stack's VPC and private subnets are looked up by name and tag (inputs.tf); set vpc_id and
# private_subnet_ids only to use a network made elsewhere.

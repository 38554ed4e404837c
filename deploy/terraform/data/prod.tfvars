name            = "cruddur"
environment     = "prod"
region          = "eu-west-1"
protected       = true
db_name         = "cruddur"
master_username = "cruddur_admin"
instance_class  = "db.t4g.small"
multi_az        = true
# The network stack's VPC and private subnets are looked up by name and tag (inputs.tf); set vpc_id and
# private_subnet_ids only to use a network made elsewhere.

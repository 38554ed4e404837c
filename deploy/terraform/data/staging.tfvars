name            = "cruddur"
environment     = "staging"
region          = "eu-west-1"
protected       = false
db_name         = "cruddur"
master_username = "cruddur_admin"
instance_class  = "db.t4g.micro"
# vpc_id and private_subnet_ids come from the network stack's outputs, e.g.
# terraform -chdir=../network output -json | jq '{vpc_id: .vpc_id.value, private_subnet_ids: .private_subnet_ids.value}' > network.auto.tfvars.json

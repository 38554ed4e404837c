name        = "cruddur"
environment = "prod"
region      = "eu-west-1"
# The image Terraform registers first; every deploy registers new revisions with the image it built.
image              = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/cruddur:bootstrap"
desired_count      = 3
app_cpu            = 512
app_memory         = 1024
log_retention_days = 90
# vpc_id, public_subnet_ids, private_subnet_ids come from the network stack, and db_host, db_port, db_name,
# db_master_secret_arn, db_migrator_secret_arn, db_app_secret_arn, db_client_security_group_id from the data stack; deploy/scripts/stack-inputs.sh writes them
# to inputs.auto.tfvars.json.

name        = "cruddur"
environment = "prod"
region      = "eu-west-1"
# The image Terraform registers first; every deploy registers new revisions with the image it built.
image              = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/cruddur:bootstrap"
desired_count      = 3
app_cpu            = 512
app_memory         = 1024
log_retention_days = 90
# The network (VPC, subnets) and the data stack's database, role secrets and db-client group are looked up by
# name (inputs.tf); set vpc_id, db_host, db_app_secret_arn, ... only to use ones made elsewhere.

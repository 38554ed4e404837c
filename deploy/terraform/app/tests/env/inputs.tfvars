# Stand-ins for the network and data stacks' outputs.
vpc_id                      = "vpc-0123"
public_subnet_ids           = ["subnet-pub-a", "subnet-pub-b"]
private_subnet_ids          = ["subnet-priv-a", "subnet-priv-b"]
db_host                     = "cruddur-db.abc.eu-west-1.rds.amazonaws.com"
db_name                     = "cruddur"
db_master_secret_arn        = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-0123-abcdef"
db_migrator_secret_arn      = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:cruddur-test-db/migrator-AbCdEf"
db_app_secret_arn           = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:cruddur-test-db/app-GhIjKl"
db_client_security_group_id = "sg-dbclient"

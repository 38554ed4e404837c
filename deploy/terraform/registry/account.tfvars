name   = "cruddur"
region = "eu-west-1"

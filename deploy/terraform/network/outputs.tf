output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.main.id
}

output "public_subnet_ids" {
  description = "Public subnets: the load balancer and the NAT gateway."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "Private subnets: the database, the app tasks and the migration task."
  value       = aws_subnet.private[*].id
}

"""Starts moto's AWS emulator on 127.0.0.1 with three fixes that make it answer as AWS does.

Test scaffolding only. Each fix corrects a place where the emulator's answer differs from AWS's in a way that
would make Terraform see a change that is not there, or make a deploy look as if it never happened:

1. RDS: DescribeDBParameters omits the Source field. AWS reports parameters set in a parameter group as
   Source "user"; the Terraform provider keeps only those, so without the field every apply would plan to set
   rds.force_ssl again.
2. ECS: CreateService and UpdateService drop healthCheckGracePeriodSeconds and availabilityZoneRebalancing;
   AWS stores and reports them, so without this the provider would plan to set them on every apply.
3. ECS: UpdateService changes the service's task definition but not its deployment. AWS starts a new PRIMARY
   deployment on the new task definition; here the one deployment is moved to it (there are no real tasks to
   drain), so a deploy can be checked the way it is checked against AWS.
4. Secrets Manager: when IAM enforcement is on (POST /moto-api/reset-auth), moto checks every Secrets Manager call
   against the resource "*", so a policy that names a secret's ARN allows nothing at all. AWS checks the call
   against the secret's ARN; here too, so "may read this secret and not that one" can be tested.

Usage: python3 server.py PORT
"""

import sys

from moto.ecs.models import EC2ContainerServiceBackend
from moto.ecs.responses import EC2ContainerServiceResponse
from moto.rds.models import DBParameterGroup
from moto.secretsmanager.responses import SecretsManagerResponse
from moto.server import main

_update_parameters = DBParameterGroup.update_parameters


def update_parameters(self, new_parameters):
    _update_parameters(self, new_parameters)
    for parameter in self.parameters.values():
        parameter.setdefault("Source", "user")


_update_service = EC2ContainerServiceBackend.update_service


def update_service(self, service_properties):
    task_definition = service_properties.get("task_definition")
    service = _update_service(self, service_properties)
    if task_definition and service.deployments:
        service.deployments[0]["taskDefinition"] = service.task_definition
    return service


_SERVICE_FIELDS = {
    "healthCheckGracePeriodSeconds": "health_check_grace_period_seconds",
    "availabilityZoneRebalancing": "availability_zone_rebalancing",
}


def _keeping_service_fields(action):
    def handler(self):
        given = {attr: self._get_param(key) for key, attr in _SERVICE_FIELDS.items()}
        result = action(self)
        service = self.ecs_backend._get_service(
            self._get_param("cluster", "default"),
            self._get_param("serviceName") or self._get_param("service"),
        )
        for attr, value in given.items():
            if value is not None:
                setattr(service, attr, value)
        return result

    return handler


def _secret_resource(self):
    secret_id = self._get_param("SecretId")
    if not secret_id:
        return "*"
    secret = self.backend.secrets.get(secret_id)
    return secret.arn if secret is not None else "*"


DBParameterGroup.update_parameters = update_parameters
SecretsManagerResponse._determine_resource = _secret_resource
EC2ContainerServiceResponse.create_service = _keeping_service_fields(
    EC2ContainerServiceResponse.create_service
)
EC2ContainerServiceResponse.update_service = _keeping_service_fields(
    EC2ContainerServiceResponse.update_service
)
EC2ContainerServiceBackend.update_service = update_service

if __name__ == "__main__":
    main(["-H", "127.0.0.1", "-p", sys.argv[1]])

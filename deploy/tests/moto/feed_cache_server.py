"""moto as server.py starts it, plus one correction for the home feed cache's ElastiCache replication group.

Test scaffolding only, used by feed-cache-emulator.sh. CreateReplicationGroup lists member clusters (the primary
and its replicas, <group>-001, -002, ...) but creates none of them, while AWS creates one cache cluster per member;
the Terraform provider reads the primary's cluster after creating the group and fails on the missing cluster. Here
each member is created as a cache cluster of the group, with the group's node type, engine, subnet group, security
groups and encryption.

Usage: python3 feed_cache_server.py PORT
"""

import sys

import server  # noqa: F401  (applies server.py's corrections)
from moto.elasticache.models import ElastiCacheBackend
from moto.server import main

_create_replication_group = ElastiCacheBackend.create_replication_group


def create_replication_group(self, replication_group_id, *args, **kwargs):
    group = _create_replication_group(self, replication_group_id, *args, **kwargs)
    for member in group.member_clusters:
        if member in self.cache_clusters:
            continue
        self.create_cache_cluster(
            cache_cluster_id=member,
            replication_group_id=replication_group_id,
            az_mode=None,
            preferred_availability_zone=None,
            num_cache_nodes=1,
            cache_node_type=kwargs.get("cache_node_type"),
            engine=kwargs.get("engine") or "redis",
            engine_version=kwargs.get("engine_version"),
            cache_parameter_group_name=kwargs.get("cache_parameter_group_name"),
            cache_subnet_group_name=kwargs.get("cache_subnet_group_name"),
            transit_encryption_enabled=kwargs.get("transit_encryption_enabled"),
            network_type=kwargs.get("network_type"),
            ip_discovery=kwargs.get("ip_discovery"),
            snapshot_name=None,
            preferred_maintenance_window=kwargs.get("preferred_maintenance_window"),
            port=kwargs.get("port"),
            notification_topic_arn=None,
            auto_minor_version_upgrade=kwargs.get("auto_minor_version_upgrade"),
            snapshot_retention_limit=kwargs.get("snapshot_retention_limit"),
            snapshot_window=kwargs.get("snapshot_window"),
            auth_token=None,
            outpost_mode=None,
            preferred_outpost_arn=None,
            preferred_availability_zones=None,
            cache_security_group_names=kwargs.get("cache_security_group_names"),
            security_group_ids=kwargs.get("security_group_ids"),
            tags=None,
            snapshot_arns=None,
            preferred_outpost_arns=None,
            log_delivery_configurations=[],
            cache_node_ids_to_remove=None,
            cache_node_ids_to_reboot=None,
        )
    return group


ElastiCacheBackend.create_replication_group = create_replication_group

if __name__ == "__main__":
    main(["-H", "127.0.0.1", "-p", sys.argv[1]])

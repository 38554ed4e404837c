-- Creates (or updates) the two database roles of an app, as the database's administrator (the RDS master user).
-- Run by the migration task before `strata up`, every deploy: it is idempotent, and a rotated password is set
-- again from the secrets. Not a Strata migration on purpose: roles belong to the whole server, not to one schema's
-- history, and their passwords must never be written into a migration file or its checksum.
--
--   psql "$ADMIN_URL" -X -v ON_ERROR_STOP=1 -f bootstrap-roles.sql \
--     -v migrator_role=cruddur_migrator -v migrator_password="$MIGRATOR_PASSWORD" \
--     -v app_role=cruddur_app -v app_password="$APP_PASSWORD" -v schema=public
--
-- The migration role owns the schema and everything in it: only it changes the schema. The application role may
-- read and write rows (SELECT, INSERT, UPDATE, DELETE, and use sequences) and nothing else. Default privileges give
-- it the same on every table and sequence the migration role creates later, so a new migration needs no GRANT.
\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I LOGIN', :'migrator_role')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'migrator_role') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'app_role')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_role') \gexec

ALTER ROLE :"migrator_role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'migrator_password';
ALTER ROLE :"app_role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';

-- The administrator acts for the migration role below (schema owner, default privileges); on RDS it is no superuser.
GRANT :"migrator_role" TO CURRENT_USER;

-- Nobody but the owner creates objects: PUBLIC loses CREATE on the database and the schema (PostgreSQL 15 and later
-- already revoke the latter on public).
SELECT format('REVOKE CREATE ON DATABASE %I FROM PUBLIC', current_database()) \gexec
CREATE SCHEMA IF NOT EXISTS :"schema";
ALTER SCHEMA :"schema" OWNER TO :"migrator_role";
REVOKE CREATE ON SCHEMA :"schema" FROM PUBLIC;
SELECT format('GRANT CONNECT ON DATABASE %I TO %I, %I', current_database(), :'migrator_role', :'app_role') \gexec
GRANT USAGE ON SCHEMA :"schema" TO :"app_role";

-- Rows of the tables that exist now, and of those the migration role creates later.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA :"schema" TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA :"schema" TO :"app_role";
ALTER DEFAULT PRIVILEGES FOR ROLE :"migrator_role" IN SCHEMA :"schema"
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES FOR ROLE :"migrator_role" IN SCHEMA :"schema"
    GRANT USAGE, SELECT ON SEQUENCES TO :"app_role";

-- The history table is Strata's record of the schema: the app's readiness check reads it, nothing of the app writes it.
SELECT format('REVOKE INSERT, UPDATE, DELETE ON %s FROM %I', c.oid::regclass, :'app_role')
FROM pg_class c
WHERE c.relname = 'strata_schema_migrations' AND c.relnamespace = (:'schema')::regnamespace \gexec

-- Creates (or updates) the two database roles of an app, as the database's administrator (the RDS master user).
-- Run by the migration task before `strata up`, every deploy: it is idempotent, and a rotated password is set
-- again from the secrets. Not a Strata migration on purpose: roles belong to the whole server, not to one schema's
-- history, and their passwords must never be written into a migration file or its checksum.
--
--   psql "$ADMIN_URL" -X -v ON_ERROR_STOP=1 -f bootstrap-roles.sql \
--     -v migrator_role=cruddur_migrator -v migrator_password="$MIGRATOR_PASSWORD" \
--     -v app_role=cruddur_app -v app_password="$APP_PASSWORD" -v schema=public
--
-- A role name or password not given with -v is read from the environment (psql 15 or later): DB_MIGRATOR_ROLE,
-- DB_MIGRATOR_PASSWORD, DB_APP_ROLE, DB_APP_PASSWORD, as the migration task gives them (deploy/docker/strata-migrate.sh),
-- which keeps the passwords off the command line. The history table is -v history_table or STRATA_HISTORY_TABLE,
-- the variable strata reads (default public.strata_schema_migrations). Needs perl (with Digest::SHA, as Debian's
-- psql has) to hash the passwords.
--
-- The migration role owns the schema and everything in it: only it changes the schema. The application role may
-- read and write rows (SELECT, INSERT, UPDATE, DELETE, and use sequences) and nothing else. Default privileges give
-- it the same on every table and sequence the migration role creates later, so a new migration needs no GRANT.
\set ON_ERROR_STOP on

\if :{?migrator_role}
\else
\getenv migrator_role DB_MIGRATOR_ROLE
\endif
\if :{?migrator_password}
\else
\getenv migrator_password DB_MIGRATOR_PASSWORD
\endif
\if :{?app_role}
\else
\getenv app_role DB_APP_ROLE
\endif
\if :{?app_password}
\else
\getenv app_password DB_APP_PASSWORD
\endif
\if :{?schema}
\else
\set schema public
\endif
-- Strata's history table, as strata reads it (STRATA_HISTORY_TABLE, table or schema.table; a bare name is in public).
\if :{?history_table}
\else
\getenv history_table STRATA_HISTORY_TABLE
\endif
\if :{?history_table}
\else
\set history_table public.strata_schema_migrations
\endif
-- A missing value stops here, before anything changes, instead of reaching the server as literal text.
SELECT :{?migrator_role} AND :{?migrator_password} AND :{?app_role} AND :{?app_password} AS complete \gset
\if :complete
\else
\warn 'bootstrap-roles.sql: give migrator_role, migrator_password, app_role and app_password with -v or DB_MIGRATOR_ROLE, DB_MIGRATOR_PASSWORD, DB_APP_ROLE, DB_APP_PASSWORD'
SELECT 1/0 AS missing_setting;
\endif

-- Every statement below is safe to repeat; the server's "already exists, skipping" notices say nothing useful.
SET client_min_messages = warning;

SELECT format('CREATE ROLE %I LOGIN', :'migrator_role')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'migrator_role') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'app_role')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_role') \gexec

-- The passwords never reach the server: psql sends each one's SCRAM-SHA-256 verifier, computed here (what psql's
-- \password does), with a new salt each run. A statement the server logs (log_statement = ddl, or a failed ALTER
-- ROLE under log_min_error_statement) then shows no password. The passwords reach perl through its environment.
\setenv STRATA_BOOTSTRAP_MIGRATOR_PASSWORD :migrator_password
\setenv STRATA_BOOTSTRAP_APP_PASSWORD :app_password
\set verifiers `perl -MDigest::SHA=hmac_sha256,sha256 -MMIME::Base64 -e 'sub b { encode_base64(shift, "") } sub verifier { my ($password, $salt, $random) = (shift, ""); open($random, "<", "/dev/urandom") && read($random, $salt, 16) == 16 or die "no random salt\n"; my $u = hmac_sha256($salt . pack("N", 1), $password); my $key = $u; for (2 .. 4096) { $u = hmac_sha256($u, $password); $key ^= $u } "SCRAM-SHA-256\$4096\x3a" . b($salt) . "\$" . b(sha256(hmac_sha256("Client Key", $key))) . "\x3a" . b(hmac_sha256("Server Key", $key)) } print join(" ", map { verifier($ENV{"STRATA_BOOTSTRAP_${_}_PASSWORD"}) } qw(MIGRATOR APP))'`
\setenv STRATA_BOOTSTRAP_MIGRATOR_PASSWORD
\setenv STRATA_BOOTSTRAP_APP_PASSWORD
SELECT split_part(:'verifiers', ' ', 1) AS migrator_verifier, split_part(:'verifiers', ' ', 2) AS app_verifier,
    :'verifiers' ~ '^SCRAM-SHA-256\$4096:\S+ SCRAM-SHA-256\$4096:\S+$' AS hashed \gset
\if :hashed
\else
\warn 'bootstrap-roles.sql: cannot compute the SCRAM verifiers of the passwords (perl with Digest::SHA is needed); no password was sent'
SELECT 1/0 AS no_verifier;
\endif

-- No NOSUPERUSER: only a superuser may even restate that attribute, and the RDS master user is none (a role it
-- creates is never a superuser anyway).
ALTER ROLE :"migrator_role" WITH LOGIN NOCREATEDB NOCREATEROLE PASSWORD :'migrator_verifier';
ALTER ROLE :"app_role" WITH LOGIN NOCREATEDB NOCREATEROLE PASSWORD :'app_verifier';

-- The administrator acts for the migration role below (schema owner, default privileges); on RDS it is no superuser.
GRANT :"migrator_role" TO CURRENT_USER;

-- Nobody but the owner creates objects: PUBLIC loses CREATE on the database and the schema (PostgreSQL 15 and later
-- already revoke the latter on public), and TEMPORARY on the database, which only the migration role gets back (a
-- migration may use a temporary table; the app creates nothing, not even one).
SELECT format('REVOKE CREATE, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database()) \gexec
CREATE SCHEMA IF NOT EXISTS :"schema";
ALTER SCHEMA :"schema" OWNER TO :"migrator_role";
REVOKE CREATE ON SCHEMA :"schema" FROM PUBLIC;
SELECT format('GRANT CONNECT ON DATABASE %I TO %I, %I', current_database(), :'migrator_role', :'app_role') \gexec
SELECT format('GRANT TEMPORARY ON DATABASE %I TO %I', current_database(), :'migrator_role') \gexec
GRANT USAGE ON SCHEMA :"schema" TO :"app_role";

-- Rows of the tables that exist now, and of those the migration role creates later.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA :"schema" TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA :"schema" TO :"app_role";
ALTER DEFAULT PRIVILEGES FOR ROLE :"migrator_role" IN SCHEMA :"schema"
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES FOR ROLE :"migrator_role" IN SCHEMA :"schema"
    GRANT USAGE, SELECT ON SEQUENCES TO :"app_role";

-- The history table is Strata's record of the schema: the app's readiness check reads it, nothing of the app writes
-- it, nor its companion that records backfills' progress (<history table>_backfill).
SELECT format('REVOKE INSERT, UPDATE, DELETE ON %s FROM %I', c.oid::regclass, :'app_role')
FROM (SELECT CASE WHEN strpos(:'history_table', '.') > 0 THEN split_part(:'history_table', '.', 1) ELSE 'public' END,
             CASE WHEN strpos(:'history_table', '.') > 0 THEN split_part(:'history_table', '.', 2) ELSE :'history_table' END)
     AS history (schema_name, table_name)
JOIN pg_namespace n ON n.nspname = history.schema_name
JOIN pg_class c ON c.relnamespace = n.oid AND c.relname IN (history.table_name, history.table_name || '_backfill') \gexec

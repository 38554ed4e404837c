namespace Strata.Core.Tests.Adoption;

/// <summary>
/// The history tables of other migration tools, created with the DDL each tool runs on PostgreSQL, holding the rows it
/// would write after applying the two first migrations of <c>UpTests.ThreeTables()</c> (1_users, 2_posts).
/// </summary>
public static class ForeignTools
{
    public const string Dbmate = """
        CREATE TABLE IF NOT EXISTS public.schema_migrations (version varchar(128) PRIMARY KEY);
        INSERT INTO public.schema_migrations (version) VALUES ('1'), ('2');
        """;

    public const string GolangMigrate = """
        CREATE TABLE IF NOT EXISTS "schema_migrations" (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);
        INSERT INTO "schema_migrations" (version, dirty) VALUES (2, false);
        """;

    public const string FlywayTable = """
        CREATE TABLE "public"."flyway_schema_history" (
            "installed_rank" INT NOT NULL,
            "version" VARCHAR(50),
            "description" VARCHAR(200) NOT NULL,
            "type" VARCHAR(20) NOT NULL,
            "script" VARCHAR(1000) NOT NULL,
            "checksum" INTEGER,
            "installed_by" VARCHAR(100) NOT NULL,
            "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
            "execution_time" INTEGER NOT NULL,
            "success" BOOLEAN NOT NULL
        );
        ALTER TABLE "public"."flyway_schema_history" ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
        CREATE INDEX "flyway_schema_history_s_idx" ON "public"."flyway_schema_history" ("success");
        """;

    public const string Flyway = FlywayTable + """
        INSERT INTO flyway_schema_history VALUES
            (1, '1', 'users', 'SQL', 'V1__users.sql', -1513512830, 'app', '2021-03-04 05:06:07', 12, true),
            (2, '2', 'posts', 'SQL', 'V2__posts.sql', 913287210, 'app', '2022-03-04 05:06:07', 9, true),
            (3, NULL, 'views', 'SQL', 'R__views.sql', 4711, 'app', '2022-03-04 05:06:08', 3, true);
        """;

    public const string Alembic = """
        CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
        INSERT INTO alembic_version (version_num) VALUES ('ae1027a6acf');
        """;

    public const string EfCore = """
        CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
            "MigrationId" character varying(150) NOT NULL,
            "ProductVersion" character varying(32) NOT NULL,
            CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
        );
        INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20240101120000_Posts', '8.0.4');
        """;

    public const string Rails = """
        CREATE TABLE "schema_migrations" ("version" character varying NOT NULL PRIMARY KEY);
        CREATE TABLE "ar_internal_metadata" ("key" character varying NOT NULL PRIMARY KEY, "value" character varying, "created_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL);
        INSERT INTO "ar_internal_metadata" VALUES ('environment', 'development', now(), now());
        INSERT INTO "schema_migrations" ("version") VALUES ('20240101120000'), ('20240102120000');
        """;

    public const string Sqitch = """
        CREATE SCHEMA sqitch;
        CREATE TABLE sqitch.projects (
            project TEXT PRIMARY KEY, uri TEXT NULL UNIQUE, created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
            creator_name TEXT NOT NULL, creator_email TEXT NOT NULL);
        CREATE TABLE sqitch.changes (
            change_id TEXT PRIMARY KEY, script_hash TEXT NULL, change TEXT NOT NULL,
            project TEXT NOT NULL REFERENCES sqitch.projects(project) ON UPDATE CASCADE, note TEXT NOT NULL DEFAULT '',
            committed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(), committer_name TEXT NOT NULL, committer_email TEXT NOT NULL,
            planned_at TIMESTAMPTZ NOT NULL, planner_name TEXT NOT NULL, planner_email TEXT NOT NULL, UNIQUE(project, script_hash));
        INSERT INTO sqitch.projects (project, creator_name, creator_email) VALUES ('app', 'Ann', 'ann@example.com');
        INSERT INTO sqitch.changes (change_id, change, project, committer_name, committer_email, planned_at, planner_name, planner_email)
        VALUES ('3f2b', 'posts', 'app', 'Ann', 'ann@example.com', now(), 'Ann', 'ann@example.com');
        """;

    public const string Liquibase = """
        CREATE TABLE public.databasechangeloglock (ID INTEGER NOT NULL, LOCKED BOOLEAN NOT NULL, LOCKGRANTED TIMESTAMP WITHOUT TIME ZONE,
            LOCKEDBY VARCHAR(255), CONSTRAINT DATABASECHANGELOGLOCK_PKEY PRIMARY KEY (ID));
        CREATE TABLE public.databasechangelog (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL,
            DATEEXECUTED TIMESTAMP WITHOUT TIME ZONE NOT NULL, ORDEREXECUTED INTEGER NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35),
            DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255), LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255), LABELS VARCHAR(255),
            DEPLOYMENT_ID VARCHAR(10));
        INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, LIQUIBASE, DEPLOYMENT_ID)
        VALUES ('posts-1', 'ann', 'db/changelog.xml', now(), 1, 'EXECUTED', '9:0123456789abcdef', '4.27.0', '1234567890');
        """;

    public const string NodePgMigrate = """
        CREATE TABLE "public"."pgmigrations" (id SERIAL PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL);
        INSERT INTO "public"."pgmigrations" (name, run_on) VALUES ('1704110400000_users', now()), ('1704196800000_posts', now());
        """;

    public const string Knex = """
        CREATE TABLE "knex_migrations" ("id" serial PRIMARY KEY, "name" varchar(255), "batch" integer, "migration_time" timestamptz);
        CREATE TABLE "knex_migrations_lock" ("index" serial PRIMARY KEY, "is_locked" integer);
        INSERT INTO "knex_migrations_lock" ("is_locked") VALUES (0);
        INSERT INTO "knex_migrations" ("name", "batch", "migration_time") VALUES ('20240101120000_users.js', 1, now());
        """;

    public const string Prisma = """
        CREATE TABLE "_prisma_migrations" (
            "id" VARCHAR(36) PRIMARY KEY NOT NULL,
            "checksum" VARCHAR(64) NOT NULL,
            "finished_at" TIMESTAMPTZ,
            "migration_name" VARCHAR(255) NOT NULL,
            "logs" TEXT,
            "rolled_back_at" TIMESTAMPTZ,
            "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
            "applied_steps_count" INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
        VALUES ('7f5c', 'e3b0c44298fc1c149afbf4c8996fb924', now(), '20240101120000_init', 1);
        """;

    /// <summary>The schema the two first migrations create, as the other tool left it.</summary>
    public const string AppliedSchema = """
        CREATE TABLE users (id int PRIMARY KEY);
        CREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users);
        """;
}

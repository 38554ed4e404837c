namespace Strata.Core.Adoption;

/// <summary>A migration tool whose history table Strata recognises on a database it did not migrate itself.</summary>
internal enum MigrationTool
{
    /// <summary>dbmate: <c>schema_migrations(version)</c>, one row per applied migration.</summary>
    Dbmate,

    /// <summary>golang-migrate: <c>schema_migrations(version, dirty)</c>, one row holding the current version.</summary>
    GolangMigrate,

    /// <summary>Flyway: <c>flyway_schema_history</c>, one row per applied (or failed) migration.</summary>
    Flyway,

    /// <summary>Alembic: <c>alembic_version(version_num)</c>, the current revision ids.</summary>
    Alembic,

    /// <summary>Entity Framework Core: <c>__EFMigrationsHistory(MigrationId, ProductVersion)</c>.</summary>
    EfCore,

    /// <summary>Ruby on Rails: <c>schema_migrations(version)</c> beside <c>ar_internal_metadata</c>.</summary>
    Rails,

    /// <summary>sqitch: its registry schema's <c>changes</c> table.</summary>
    Sqitch,

    /// <summary>Liquibase: <c>databasechangelog</c>.</summary>
    Liquibase,

    /// <summary>node-pg-migrate: <c>pgmigrations(id, name, run_on)</c>.</summary>
    NodePgMigrate,

    /// <summary>Knex: <c>knex_migrations(id, name, batch, migration_time)</c>.</summary>
    Knex,

    /// <summary>Prisma Migrate: <c>_prisma_migrations</c>.</summary>
    Prisma,
}

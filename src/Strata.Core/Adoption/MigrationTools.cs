namespace Strata.Core.Adoption;

/// <summary>Names of the tools Strata adopts from.</summary>
internal static class MigrationTools
{
    public static string DisplayName(MigrationTool tool) => tool switch
    {
        MigrationTool.Dbmate => "dbmate",
        MigrationTool.GolangMigrate => "golang-migrate",
        MigrationTool.Flyway => "Flyway",
        MigrationTool.Alembic => "Alembic",
        MigrationTool.EfCore => "Entity Framework Core",
        MigrationTool.Rails => "Rails",
        MigrationTool.Sqitch => "sqitch",
        MigrationTool.Liquibase => "Liquibase",
        MigrationTool.NodePgMigrate => "node-pg-migrate",
        MigrationTool.Knex => "Knex",
        _ => "Prisma Migrate",
    };

    public static string Id(MigrationTool tool) => tool switch
    {
        MigrationTool.Dbmate => "dbmate",
        MigrationTool.GolangMigrate => "golang-migrate",
        MigrationTool.Flyway => "flyway",
        MigrationTool.Alembic => "alembic",
        MigrationTool.EfCore => "ef-core",
        MigrationTool.Rails => "rails",
        MigrationTool.Sqitch => "sqitch",
        MigrationTool.Liquibase => "liquibase",
        MigrationTool.NodePgMigrate => "node-pg-migrate",
        MigrationTool.Knex => "knex",
        _ => "prisma",
    };
}

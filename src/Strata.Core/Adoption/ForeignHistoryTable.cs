using Strata.Core.Generators;

namespace Strata.Core.Adoption;

/// <summary>Another tool's history table found in the database.</summary>
/// <param name="Tool">The tool its shape belongs to.</param>
/// <param name="Schema">The schema it is in.</param>
/// <param name="Name">The table's name.</param>
internal sealed record ForeignHistoryTable(MigrationTool Tool, string Schema, string Name)
{
    /// <summary>The tool's usual name, as people write it (<c>dbmate</c>, <c>golang-migrate</c>, <c>Flyway</c>, ...).</summary>
    public string ToolName => MigrationTools.DisplayName(Tool);

    /// <summary>The stable lowercase id of the tool, used in <c>applied_by</c> as <c>adopt:&lt;id&gt;</c>.</summary>
    public string ToolId => MigrationTools.Id(Tool);

    /// <summary>Whether the tool's migration ids are Strata versions, so <c>adopt</c> can map them one to one.</summary>
    public bool MapsVersions => Tool is MigrationTool.Dbmate or MigrationTool.GolangMigrate or MigrationTool.Flyway;

    /// <summary>The table as schema.name, quoted where PostgreSQL needs it.</summary>
    public string QualifiedName => $"{SqlIdentifier.Quote(Schema)}.{SqlIdentifier.Quote(Name)}";

    /// <inheritdoc />
    public override string ToString() => QualifiedName;

    /// <summary>This table and those its tool keeps beside it: the tool's, not the application's.</summary>
    public IEnumerable<ForeignHistoryTable> Companions()
    {
        yield return this;
        string[] names = Tool switch
        {
            MigrationTool.Rails => ["ar_internal_metadata"],
            MigrationTool.Liquibase => ["databasechangeloglock"],
            MigrationTool.Knex => ["knex_migrations_lock"],
            MigrationTool.Sqitch => ["projects", "releases", "tags", "dependencies", "events"],
            _ => [],
        };
        foreach (var name in names)
        {
            yield return this with { Name = name };
        }
    }
}

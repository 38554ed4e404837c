using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Errors;

namespace Strata.Core.Adoption;

/// <summary>
/// Stops a command that would run migrations on a database Strata has no history for but that is not empty: another
/// tool's history table with rows, or user tables. Called under the migration lock, before the history table is
/// created, so a refused run leaves the database exactly as it was.
/// </summary>
internal sealed class AdoptionGuard(HistoryTableName ours)
{
    private const int ListedTables = 5;

    public async Task CheckAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!await UserObjectProbe.AnyRelationAsync(connection, ours, cancellationToken))
        {
            return;
        }

        var (detected, inUse) = await ForeignHistoryDetector.DetectWithRowsAsync(connection, ours, cancellationToken);
        if (inUse.Count > 0)
        {
            var step = inUse[0].MapsVersions && inUse.Count == 1 ? NextStepKind.Adopt : NextStepKind.AdoptUpTo;
            throw new AdoptionRequiredException(ForeignMessage(inUse), [.. inUse.Select(t => t.QualifiedName)]) { NextSteps = [new NextStep(step)] };
        }

        var tables = await UserObjectProbe.ListAsync(connection, ours, detected.SelectMany(Companions), ListedTables + 1, cancellationToken);
        if (tables.Count > 0)
        {
            var listed = string.Join(", ", tables.Take(ListedTables)) + (tables.Count > ListedTables ? ", ..." : string.Empty);
            throw new AdoptionRequiredException(
                $"Refusing to run migrations: the database already has tables ({listed}) but no migration history, so every migration would run " +
                "against a schema that may already contain it; first record as applied every migration up to the newest one the schema already contains.",
                [])
            {
                NextSteps = [new NextStep(NextStepKind.Baseline)],
            };
        }
    }

    private static string ForeignMessage(IReadOnlyList<ForeignHistoryTable> tables)
    {
        var first = tables[0];
        var others = tables.Count > 1 ? $" (also found: {string.Join(", ", tables.Skip(1).Select(t => $"{t.ToolName} {t.QualifiedName}"))})" : string.Empty;
        var how = first.MapsVersions && tables.Count == 1
            ? "import its history first"
            : "import its history first, naming the newest migration file the database already contains";
        return $"Refusing to run migrations: {first.QualifiedName} is {first.ToolName}'s history table{others} and Strata's history is empty, " +
            $"so migrations {first.ToolName} already applied would run again; {how} (see docs/commands/adopt.md).";
    }

    // Tables a tool keeps beside its history table; they are the tool's, not the application's.
    private static IEnumerable<ForeignHistoryTable> Companions(ForeignHistoryTable table)
    {
        yield return table;
        string[] names = table.Tool switch
        {
            MigrationTool.Rails => ["ar_internal_metadata"],
            MigrationTool.Liquibase => ["databasechangeloglock"],
            MigrationTool.Knex => ["knex_migrations_lock"],
            MigrationTool.Sqitch => ["projects", "releases", "tags", "dependencies", "events"],
            _ => [],
        };
        foreach (var name in names)
        {
            yield return table with { Name = name };
        }
    }
}

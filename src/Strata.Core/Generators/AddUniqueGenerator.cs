using Strata.Core.Migrations;

namespace Strata.Core.Generators;

/// <summary>
/// <c>--add-unique TABLE.COL[,COL...]</c>: the unique index built CONCURRENTLY (<c>transaction:false</c>), then
/// turned into a constraint with <c>ADD CONSTRAINT ... UNIQUE USING INDEX</c>, which needs no second build.
/// </summary>
internal static class AddUniqueGenerator
{
    public static IReadOnlyList<GeneratedStep> Generate(TableName table, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        var index = table.Sibling(GeneratedName.Of([table.Name, .. columns, "key"]));
        var name = SqlIdentifier.Quote(index.Name);
        var build = $"CREATE UNIQUE INDEX CONCURRENTLY {name} ON {table.Sql} ({AddIndexGenerator.ColumnList(columns)});";
        var slug = Slug.Of([table.Name, .. columns]);
        return
        [
            ConcurrentIndexStep.Create(
                $"add_unique_index_{slug}",
                index,
                build,
                $"""
                Builds the unique index {index} CONCURRENTLY: reads and writes of {table} go on during the build,
                which cannot run inside a transaction (hence transaction:false). It fails on duplicate values.
                """,
                "every running version must already write unique values."),
            new GeneratedStep(
                $"add_unique_constraint_{slug}",
                MigrationPhase.Pre,
                $"""
                Makes the index {index} the unique constraint {name} of {table}: an instant catalog change, no build.
                App version: any that writes unique values.
                Abort: strata down drops the constraint (and with it the index), then rebuilds the index
                CONCURRENTLY, so the previous migration's state is back.
                """,
                $"ALTER TABLE {table.Sql} ADD CONSTRAINT {name} UNIQUE USING INDEX {name};",
                $"""
                ALTER TABLE {table.Sql} DROP CONSTRAINT {name};
                {build}
                """) { DownTransactional = false },
        ];
    }
}

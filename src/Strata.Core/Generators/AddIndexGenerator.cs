namespace Strata.Core.Generators;

/// <summary><c>--add-index TABLE.COL[,COL...]</c>: CREATE INDEX CONCURRENTLY in a <c>transaction:false</c> migration.</summary>
internal static class AddIndexGenerator
{
    public static IReadOnlyList<GeneratedStep> Generate(TableName table, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        var index = table.Sibling(GeneratedName.Of([table.Name, .. columns, "idx"]));
        return
        [
            ConcurrentIndexStep.Create(
                $"add_index_{Slug.Of([table.Name, .. columns])}",
                index,
                $"CREATE INDEX CONCURRENTLY {SqlIdentifier.Quote(index.Name)} ON {table.Sql} ({ColumnList(columns)});",
                $"""
                Builds the index {index} CONCURRENTLY: reads and writes of {table} go on during the build, which
                cannot run inside a transaction (hence transaction:false).
                """,
                "any."),
        ];
    }

    public static string ColumnList(IReadOnlyList<string> columns) => string.Join(", ", columns.Select(SqlIdentifier.Quote));
}

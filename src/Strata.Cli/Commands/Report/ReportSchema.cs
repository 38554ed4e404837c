using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Schema;

namespace Strata.Cli.Commands.Report;

/// <summary>The live schema's tables, read through the catalog model (the history table left out).</summary>
internal static class ReportSchema
{
    public static async Task<IReadOnlyList<ReportTable>> TablesAsync(NpgsqlDataSource target, HistoryTableName history, CancellationToken cancellationToken)
    {
        var snapshot = await HistoryObjects.ReadAsync(target, history, cancellationToken);

        var children = snapshot.Objects.Where(o => o.Parent is not null).ToLookup(o => o.Parent!, StringComparer.Ordinal);
        return
        [
            .. snapshot.Objects.Where(o => o.Kind == "table").Select(table => new ReportTable(
                table.Name,
                [.. children[table.Name].Where(c => c.Kind == "column")
                    .OrderBy(c => int.TryParse(c.Attributes.GetValueOrDefault("position"), out var position) ? position : 0)
                    .Select(c => new ReportColumn(
                        c.Name[(table.Name.Length + 1)..],
                        c.Attributes.GetValueOrDefault("type") ?? "",
                        c.Attributes.GetValueOrDefault("not null") == "true"))],
                children[table.Name].Count(c => c.Kind == "index"),
                children[table.Name].Count(c => c.Kind == "constraint"))),
        ];
    }
}

using System.Collections.Concurrent;
using Strata.Core.Schema;
using Strata.Testing;

namespace Strata.Core.Tests.Schema;

/// <summary>
/// PostgreSQL is the oracle: after each single DDL change to a base schema, the model must report a difference
/// exactly when <c>pg_dump --schema-only</c> prints something different, and name the changed object.
/// </summary>
public sealed class DumpOracleTests
{
    [Fact]
    public async Task The_model_differs_exactly_when_pg_dump_differs_and_names_the_changed_object()
    {
        var server = await TestPostgres.ServerAsync();
        await using var template = await TestPostgres.CreateDatabaseAsync();
        var templateConnection = SchemaKit.Unpooled(server, template.Name);
        await SchemaKit.LoadAsync(templateConnection, SchemaKit.SqlFile("base.sql"));
        var baseSnapshot = await SchemaKit.SnapshotAsync(templateConnection);
        var baseDump = await SchemaKit.DumpAsync(templateConnection);
        template.DataSource.Clear();

        var failures = new ConcurrentBag<string>();
        var changes = DdlChanges.All.Select((change, index) => (change, index));
        await Parallel.ForEachAsync(changes, new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (item, _) =>
        {
            var name = $"{template.Name}_c{item.index}";
            try
            {
                var clone = await SchemaKit.CloneAsync(server, template.Name, name);
                await SchemaKit.ExecuteAsync(clone, item.change.Sql);
                var snapshot = await SchemaKit.SnapshotAsync(clone);
                var dump = await SchemaKit.DumpAsync(clone);
                if (Check(item.change, baseSnapshot, snapshot, baseDump != dump) is { } failure)
                {
                    failures.Add($"{item.change}: {failure}");
                }
            }
            catch (Exception e) when (e is Npgsql.PostgresException or InvalidOperationException)
            {
                failures.Add($"{item.change}: {e.Message}");
            }
            finally
            {
                await SchemaKit.DropAsync(server, name);
            }
        });

        DdlChanges.All.Count(c => c.ExpectsDifference).ShouldBeGreaterThanOrEqualTo(150);
        failures.ShouldBeEmpty(string.Join("\n", failures.Order(StringComparer.Ordinal)));
    }

    private static string? Check(DdlChange change, SchemaSnapshot before, SchemaSnapshot after, bool dumpDiffers)
    {
        var forward = SchemaComparer.Compare(before, after);
        var backward = SchemaComparer.Compare(after, before);
        if (!dumpDiffers && change.ExpectsDifference)
        {
            return "pg_dump shows no difference; the change list is wrong";
        }

        if (dumpDiffers == forward.AreEqual || dumpDiffers == backward.AreEqual)
        {
            return $"pg_dump differs: {dumpDiffers}, but the model reports: {Describe(forward)}";
        }

        if (!change.ExpectsDifference)
        {
            return null;
        }

        var named = forward.Differences.FirstOrDefault(d => d.Kind == change.Kind && d.Name == change.Name);
        var reverse = backward.Differences.FirstOrDefault(d => d.Kind == change.Kind && d.Name == change.Name);
        if (named is null || reverse is null)
        {
            return $"expected {change.Kind} {change.Name} among: {Describe(forward)}";
        }

        if (change.Attribute is { } attribute
            && (named.Change != SchemaChange.Changed || named.Attributes.All(a => a.Name != attribute) || reverse.Attributes.All(a => a.Name != attribute)))
        {
            return $"expected attribute '{attribute}' to differ: {named}";
        }

        return null;
    }

    private static string Describe(SchemaComparison comparison) =>
        comparison.AreEqual ? "no difference" : string.Join(" | ", comparison.Differences.Select(d => d.ToString()));
}

using Strata.Core.Schema;
using Strata.Testing;

namespace Strata.Core.Tests.Schema;

public sealed class BeyondDumpTests
{
    [Fact]
    public async Task An_extension_update_is_reported_though_pg_dump_does_not_show_versions()
    {
        var server = await TestPostgres.ServerAsync();
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var connection = SchemaKit.Unpooled(server, db.Name);
        await SchemaKit.ExecuteAsync(connection, "CREATE EXTENSION btree_gist VERSION '1.6'");
        var before = await SchemaKit.SnapshotAsync(connection);
        var dumpBefore = await SchemaKit.DumpAsync(connection);

        await SchemaKit.ExecuteAsync(connection, "ALTER EXTENSION btree_gist UPDATE TO '1.7'");

        (await SchemaKit.DumpAsync(connection)).ShouldBe(dumpBefore);
        var difference = SchemaComparer.Compare(before, await SchemaKit.SnapshotAsync(connection)).Differences.ShouldHaveSingleItem();
        difference.DisplayName.ShouldBe("extension btree_gist");
        difference.Attributes.ShouldBe([new AttributeDifference("version", "1.6", "1.7")]);
    }

    [Fact]
    public async Task A_saved_snapshot_reads_back_equal()
    {
        var server = await TestPostgres.ServerAsync();
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var connection = SchemaKit.Unpooled(server, db.Name);
        await SchemaKit.LoadAsync(connection, SchemaKit.SqlFile("regression.sql"));
        var snapshot = await SchemaKit.SnapshotAsync(connection);
        var path = Path.Combine(Path.GetTempPath(), $"strata-snapshot-{Guid.NewGuid():N}.json");
        try
        {
            await SnapshotFile.WriteAsync(path, snapshot, CancellationToken.None);

            (await SnapshotFile.ReadAsync(path, CancellationToken.None)).ShouldBe(snapshot);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

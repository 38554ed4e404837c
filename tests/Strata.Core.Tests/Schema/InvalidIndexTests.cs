using Npgsql;
using Strata.Core.Schema;
using Strata.Testing;

namespace Strata.Core.Tests.Schema;

public sealed class InvalidIndexTests
{
    [Fact]
    public async Task An_index_a_failed_concurrent_build_left_invalid_is_not_a_difference_as_pg_dump_leaves_it_out()
    {
        var server = await TestPostgres.ServerAsync();
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var connection = SchemaKit.Unpooled(server, db.Name);
        await SchemaKit.ExecuteAsync(connection, "CREATE TABLE public.d (x integer); INSERT INTO public.d VALUES (1), (1)");
        var before = await SchemaKit.SnapshotAsync(connection);
        var dumpBefore = await SchemaKit.DumpAsync(connection);

        await Should.ThrowAsync<PostgresException>(() => SchemaKit.ExecuteAsync(connection, "CREATE UNIQUE INDEX CONCURRENTLY d_x_key ON public.d (x)"));

        (await SchemaKit.DumpAsync(connection)).ShouldBe(dumpBefore);
        SchemaComparer.Compare(before, await SchemaKit.SnapshotAsync(connection)).Differences.Select(d => d.ToString()).ShouldBeEmpty();
    }
}

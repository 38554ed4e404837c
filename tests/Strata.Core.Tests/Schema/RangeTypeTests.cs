using Strata.Core.Schema;
using Strata.Testing;

namespace Strata.Core.Tests.Schema;

public sealed class RangeTypeTests
{
    // CREATE TYPE ... AS RANGE also makes the range's constructors and its multirange's; pg_dump writes only the type.
    [Fact]
    public async Task A_range_type_added_is_one_difference_without_the_functions_postgresql_made_for_it()
    {
        var server = await TestPostgres.ServerAsync();
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var connection = SchemaKit.Unpooled(server, db.Name);
        var before = await SchemaKit.SnapshotAsync(connection);

        await SchemaKit.ExecuteAsync(connection, "CREATE TYPE public.spans AS RANGE (subtype = float8)");

        var after = await SchemaKit.SnapshotAsync(connection);
        SchemaComparer.Compare(before, after).Differences.Select(d => d.ToString()).ShouldBe(["added range type public.spans"]);
        after.Find("range type", "public.spans")!.Attributes["multirange"].ShouldBe("public.spans_multirange");
    }
}

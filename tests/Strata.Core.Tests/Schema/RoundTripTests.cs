using Strata.Core.Schema;
using Strata.Testing;

namespace Strata.Core.Tests.Schema;

public sealed class RoundTripTests
{
    private static readonly string[] Kinds =
    [
        "schema", "extension", "collation", "enum", "domain", "domain constraint", "composite type", "range type", "sequence",
        "table", "foreign table", "column", "constraint", "index", "statistics", "policy", "function", "procedure",
        "aggregate", "event trigger", "trigger", "view", "rule", "materialized view",
    ];

    [Fact]
    public async Task A_broad_schema_equals_its_own_dump_and_restore()
    {
        var server = await TestPostgres.ServerAsync();
        await using var original = await TestPostgres.CreateDatabaseAsync();
        await using var restored = await TestPostgres.CreateDatabaseAsync();
        var originalConnection = SchemaKit.Unpooled(server, original.Name);
        var restoredConnection = SchemaKit.Unpooled(server, restored.Name);
        await SchemaKit.LoadAsync(originalConnection, SchemaKit.SqlFile("regression.sql"));

        await SchemaKit.LoadAsync(restoredConnection, await SchemaKit.DumpAsync(originalConnection));

        var before = await SchemaKit.SnapshotAsync(originalConnection);
        var after = await SchemaKit.SnapshotAsync(restoredConnection);
        before.Objects.Select(o => o.Kind).Distinct().ShouldBe(Kinds, ignoreOrder: true);
        var comparison = SchemaComparer.Compare(before, after);
        comparison.Differences.Select(d => d.ToString()).ShouldBeEmpty();
        after.ShouldBe(before);
    }

    // pg_dump writes the child as CREATE TABLE child (c integer) INHERITS (parent), so a restore puts the parent's
    // later column b before c: only attnum order differs, and the dump cannot show it.
    [Fact]
    public async Task An_inheritance_child_equals_its_dump_and_restore_after_its_parent_gained_a_column()
    {
        var server = await TestPostgres.ServerAsync();
        await using var original = await TestPostgres.CreateDatabaseAsync();
        await using var restored = await TestPostgres.CreateDatabaseAsync();
        var originalConnection = SchemaKit.Unpooled(server, original.Name);
        var restoredConnection = SchemaKit.Unpooled(server, restored.Name);
        await SchemaKit.LoadAsync(originalConnection,
            "CREATE TABLE parent (a integer); CREATE TABLE child (c integer) INHERITS (parent); ALTER TABLE parent ADD COLUMN b integer;");

        await SchemaKit.LoadAsync(restoredConnection, await SchemaKit.DumpAsync(originalConnection));

        (await SchemaKit.DumpAsync(restoredConnection)).ShouldBe(await SchemaKit.DumpAsync(originalConnection));
        var comparison = SchemaComparer.Compare(await SchemaKit.SnapshotAsync(originalConnection), await SchemaKit.SnapshotAsync(restoredConnection));
        comparison.Differences.Select(d => d.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Reading_twice_gives_equal_snapshots_that_name_objects_by_qualified_name()
    {
        var server = await TestPostgres.ServerAsync();
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var connection = SchemaKit.Unpooled(server, db.Name);
        await SchemaKit.LoadAsync(connection, SchemaKit.SqlFile("regression.sql"));

        var first = await SchemaKit.SnapshotAsync(connection);
        var second = await SchemaKit.SnapshotAsync(connection);

        second.ShouldBe(first);
        first.Find("column", "inventory.products.\"Weird \"\"Name\"\"\"")!.Attributes["collation"].ShouldBe("inventory.bytes");
        first.Find("function", "\"Mixed Case\".\"Odd Function\"(\"x y\" integer)").ShouldNotBeNull();
        first.Find("enum", "inventory.status")!.Attributes["labels"].ShouldBe("'draft', 'live', 'archived', 'retired'");
        first.Find("table", "inventory.movements_2025_eu")!.Attributes["partition bound"].ShouldBe("FOR VALUES IN ('eu', 'uk')");
    }
}

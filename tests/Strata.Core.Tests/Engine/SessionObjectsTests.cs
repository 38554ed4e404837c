using Strata.Testing;

namespace Strata.Core.Tests.Engine;

/// <summary>
/// A run applies its migrations on one connection, so what one migration leaves in the session (a temporary table, a
/// held cursor) would reach the migrations after it only when they run in the same <c>up</c>. These apply the same
/// files in one run and check the outcome a run of one migration at a time gives.
/// </summary>
public sealed class SessionObjectsTests
{
    private const string Items =
        "-- migrate:up\nCREATE TABLE items (id int PRIMARY KEY, flag bool NOT NULL DEFAULT false);\nINSERT INTO items SELECT g FROM generate_series(1, 10) g;\n";

    // Two backfills that each gather their rows in a temporary table of the same name, as a backfill often does.
    [Theory]
    [InlineData("")]
    [InlineData(" transaction:false")]
    public async Task A_temporary_table_a_migration_creates_ends_with_it(string options)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("1_items.sql", Items)
            .Add("2_flag_even.sql", $"-- migrate:up{options}\nCREATE TEMP TABLE batch AS SELECT id FROM items WHERE id % 2 = 0;\nUPDATE items SET flag = true WHERE id IN (SELECT id FROM batch);\n")
            .Add("3_flag_last.sql", "-- migrate:up\nCREATE TEMPORARY TABLE batch AS SELECT id FROM items WHERE id = 9;\nUPDATE items SET flag = true WHERE id IN (SELECT id FROM batch);\n");

        var result = await db.Migrator(source).UpAsync();

        result.Migrations.Count.ShouldBe(3);
        (await FlaggedAsync(db)).ShouldBe("2,4,6,8,9,10");
    }

    // pg_temp comes first in the search path: a temporary copy named like the table would take the next migration's
    // UPDATE, and the real table would never change.
    [Fact]
    public async Task A_temporary_copy_named_like_a_table_does_not_take_the_next_migration_writes()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("1_items.sql", Items)
            .Add("2_report.sql", "-- migrate:up\nCREATE TEMP TABLE items AS SELECT * FROM public.items WHERE id > 5;\nDO $$ BEGIN IF (SELECT count(*) FROM items) <> 5 THEN RAISE 'unexpected'; END IF; END $$;\n")
            .Add("3_flag_all.sql", "-- migrate:up\nUPDATE items SET flag = true;\n");

        await db.Migrator(source).UpAsync();

        (await FlaggedAsync(db)).ShouldBe("1,2,3,4,5,6,7,8,9,10");
    }

    [Fact]
    public async Task A_cursor_a_migration_holds_ends_with_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        const string Held = "DECLARE walk CURSOR WITH HOLD FOR SELECT id FROM items ORDER BY id;\nUPDATE items SET flag = true WHERE id = {0};\n";
        var source = new TestMigrationSource()
            .Add("1_items.sql", Items)
            .Add("2_walk.sql", "-- migrate:up\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Held, 1))
            .Add("3_walk_again.sql", "-- migrate:up\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Held, 2));

        await db.Migrator(source).UpAsync();

        (await FlaggedAsync(db)).ShouldBe("1,2");
    }

    private static async Task<string?> FlaggedAsync(TestDatabase db)
    {
        await using var command = db.DataSource.CreateCommand("SELECT string_agg(id::text, ',' ORDER BY id) FROM public.items WHERE flag");
        return await command.ExecuteScalarAsync() as string;
    }
}

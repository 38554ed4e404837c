using Strata.Core.Errors;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.BadInput;

public sealed class HistoryTableLostTests
{
    [Fact]
    public async Task A_history_table_dropped_during_a_transactional_migration_is_not_blamed_on_the_file()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("1_a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n")
            .Add("2_drop.sql", "-- migrate:up\nCREATE TABLE b (id int);\nDROP TABLE public.strata_schema_migrations;\n");

        var error = await Should.ThrowAsync<HistoryTableLostException>(() => db.Migrator(source).UpAsync());

        error.Message.ShouldStartWith("The history table disappeared while migration 2_drop ran (42P01 relation \"public.strata_schema_migrations\" does not exist)");
        error.Message.ShouldContain("the migration was rolled back, so nothing of it was applied");
        error.Message.ShouldNotContain("2_drop.sql");
        (await db.TableExistsAsync("b")).ShouldBeFalse();
        (await db.HistoryVersionsAsync()).ShouldBe(["1"]);
    }

    [Fact]
    public async Task A_history_table_dropped_during_a_transaction_false_migration_says_what_stays_applied()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("1_drop.sql", "-- migrate:up transaction:false\nDROP TABLE public.strata_schema_migrations;\nCREATE TABLE later (id int);\n");

        var error = await Should.ThrowAsync<HistoryTableLostException>(() => db.Migrator(source).UpAsync());

        error.Message.ShouldContain("this transaction:false migration had completed 1 of its 2 statements, which stay applied");
        (await db.TableExistsAsync("later")).ShouldBeFalse();
    }
}

using Npgsql;
using Strata.Core.Errors;
using Strata.Core.Execution;
using Strata.Core.History;
using Strata.Core.Planning;
using Strata.Testing;

namespace Strata.Core.Tests.Engine;

public sealed class NonTransactionalTests
{
    private const string UniqueIndex = "-- migrate:up transaction:false\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS items_code ON items (code);\n" +
        "-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY IF EXISTS items_code;\n";

    private static TestMigrationSource Items() => new TestMigrationSource()
        .Add("1_items.sql", "-- migrate:up\nCREATE TABLE items (id int, code text);\nINSERT INTO items VALUES (1, 'a'), (2, 'a');\n-- migrate:down\nDROP TABLE items;\n")
        .Add("2_items_code.sql", UniqueIndex);

    // Migration 2's down section fails at its second statement.
    private static TestMigrationSource FailingDown() => Items().Add("1_items.sql", "-- migrate:up\nCREATE TABLE items (id int, code text);\n")
        .Add("2_items_code.sql", "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY items_code ON items (code);\n" +
            "-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY items_code;\nDROP TABLE missing;\n");

    [Fact]
    public async Task Creates_an_index_concurrently_and_rolls_it_back()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = Items().Add("1_items.sql", "-- migrate:up\nCREATE TABLE items (id int, code text);\n-- migrate:down\nDROP TABLE items;\n");
        var migrator = db.Migrator(source);

        var result = await migrator.UpAsync();

        result.Migrations[1].Transactional.ShouldBeFalse();
        (await db.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'items_code'::regclass")).ShouldBeTrue();
        (await db.ScalarAsync<string>("SELECT status || ':' || statements_completed || '/' || statements_total FROM strata_schema_migrations WHERE version = '2'"))
            .ShouldBe("applied:1/1");
        await migrator.DownAsync();
        (await db.TableExistsAsync("items_code")).ShouldBeFalse();
        (await db.HistoryVersionsAsync()).ShouldBe(["1"]);
    }

    [Fact]
    public async Task A_failed_concurrent_index_is_reported_and_rebuilt_after_repair()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(Items());

        var error = await Should.ThrowAsync<MigrationFailedException>(() => migrator.UpAsync());
        error.SqlState.ShouldBe("23505");
        error.Message.ShouldContain("it is recorded as running with 0 of 1 statements completed: run repair");
        error.NextSteps.ShouldBe([new NextStep(NextStepKind.Repair, "2")]);

        (await migrator.StatusAsync()).Migrations.Single(m => m.Version.Value == "2").State.ShouldBe(MigrationState.Interrupted);
        (await migrator.ValidateAsync()).Problems.Single().Message.ShouldContain("invalid index(es) left behind: public.items_code on items");
        var report = (await migrator.RepairAsync()).Interrupted.Single();
        report.InvalidIndexes.Single().Name.ShouldBe("items_code");
        report.NextStatement!.Line.ShouldBe(2);
        report.Status.ShouldBe(HistoryStatus.Running);
        var refused = await Should.ThrowAsync<ValidationFailedException>(() => migrator.UpAsync());
        refused.Message.ShouldContain("run repair");
        refused.NextSteps.ShouldBe([new NextStep(NextStepKind.Repair, "2")]);

        await db.ExecuteAsync("DELETE FROM items WHERE id = 2");
        (await migrator.RepairAsync(RepairAction.Retry)).Resolved!.Value.Value.ShouldBe("2");
        var logger = new TestLogger();
        await db.Migrator(Items(), logger: logger).UpAsync();

        logger.WithEvent(1325).ShouldHaveSingleItem().Message.ShouldContain("public.items_code");
        (await db.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'items_code'::regclass")).ShouldBeTrue();
        (await db.HistoryVersionsAsync()).ShouldBe(["1", "2"]);
    }

    // PostgreSQL creates an index in its table's schema: an invalid index of the name elsewhere on the search path is
    // another table's, and stays.
    [Fact]
    public async Task Rebuilding_an_invalid_index_leaves_one_of_the_same_name_in_another_schema()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("1_tables.sql", "-- migrate:up\nCREATE SCHEMA other;\nCREATE TABLE other.u2 (v int);\nINSERT INTO other.u2 VALUES (1), (1);\nCREATE TABLE public.u3 (v int);\n");
        await db.Migrator(source).UpAsync();
        await Should.ThrowAsync<PostgresException>(() => db.ExecuteAsync("CREATE UNIQUE INDEX CONCURRENTLY idx_y ON other.u2 (v)"));
        await db.ExecuteAsync($"ALTER DATABASE \"{db.Name}\" SET search_path = other, public");
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        source.Add("2_idx.sql", "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY IF NOT EXISTS idx_y ON u3 (v);\n");
        var logger = new TestLogger();

        await new Migrator(dataSource, source, EngineTestKit.FastOptions, logger).UpAsync();

        logger.WithEvent(1325).ShouldBeEmpty();
        (await db.ScalarAsync<bool>("SELECT NOT indisvalid FROM pg_index WHERE indexrelid = 'other.idx_y'::regclass")).ShouldBeTrue();
        (await db.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'public.idx_y'::regclass")).ShouldBeTrue();
    }

    [Fact]
    public async Task An_interrupted_roll_back_started_when_the_down_section_started_not_when_it_was_applied()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(FailingDown());
        await migrator.UpAsync();
        var appliedAt = await db.ScalarAsync<DateTime>("SELECT applied_at FROM strata_schema_migrations WHERE version = '2'");
        await Task.Delay(50);

        await Should.ThrowAsync<MigrationFailedException>(() => migrator.DownAsync());

        (await migrator.RepairAsync()).Interrupted.Single().StartedAt.UtcDateTime.ShouldBeGreaterThan(appliedAt.AddMilliseconds(40));
    }

    [Fact]
    public async Task An_interrupted_migration_can_be_marked_as_completed_by_hand()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = Items().Add("2_items_code.sql",
            "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY items_id ON items (id);\nCREATE UNIQUE INDEX CONCURRENTLY items_code ON items (code);\n");
        var migrator = db.Migrator(source);
        await Should.ThrowAsync<MigrationFailedException>(() => migrator.UpAsync());

        var report = (await migrator.RepairAsync()).Interrupted.Single();
        report.StatementsCompleted.ShouldBe(1);
        report.CompletedStatements.Single().Text.ShouldStartWith("CREATE INDEX CONCURRENTLY items_id");
        report.NextStatement!.Line.ShouldBe(3);

        await db.ExecuteAsync("DROP INDEX items_code; DELETE FROM items WHERE id = 2; CREATE UNIQUE INDEX items_code ON items (code)");
        await migrator.RepairAsync(RepairAction.Complete);

        (await db.ScalarAsync<string>("SELECT status || ':' || origin FROM strata_schema_migrations WHERE version = '2'")).ShouldBe("applied:repair");
        (await migrator.UpAsync()).Migrations.ShouldBeEmpty();
        (await migrator.ValidateAsync()).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task An_interrupted_roll_back_is_reverting_and_repair_can_restore_or_complete_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(FailingDown());
        await migrator.UpAsync();

        (await Should.ThrowAsync<MigrationFailedException>(() => migrator.DownAsync())).Message.ShouldContain("recorded as reverting with 1 of 2");
        var report = (await migrator.RepairAsync()).Interrupted.Single();
        (report.Status, report.StatementsCompleted, report.NextStatement!.Line).ShouldBe((HistoryStatus.Reverting, 1, 5));
        await Should.ThrowAsync<ValidationFailedException>(() => migrator.DownAsync());

        await migrator.RepairAsync(RepairAction.Retry);
        (await db.ScalarAsync<string>("SELECT status || ':' || statements_completed || '/' || statements_total FROM strata_schema_migrations WHERE version = '2'"))
            .ShouldBe("applied:1/1");
        await Should.ThrowAsync<MigrationFailedException>(() => migrator.DownAsync());
        await migrator.RepairAsync(RepairAction.Complete, Core.Migrations.MigrationVersion.Parse("2"));
        (await db.HistoryVersionsAsync()).ShouldBe(["1"]);
    }

    // With edits allowed, an edited file's down section runs; an interrupted attempt is compared with that file, not
    // with the one applied long before, so repair does not warn that the file changed since the attempt started.
    [Fact]
    public async Task An_interrupted_roll_back_of_an_edited_file_with_edits_allowed_is_compared_with_the_file_it_ran()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = Items().Add("1_items.sql", "-- migrate:up\nCREATE TABLE items (id int, code text);\n")
            .Add("2_items_code.sql", "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY items_code ON items (code);\n" +
                "-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY items_code;\n");
        await db.Migrator(source).UpAsync();
        source.Add("2_items_code.sql", "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY items_code ON items (code);\n" +
            "-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY items_code;\nDROP TABLE missing;\n");
        var migrator = db.Migrator(source, EngineTestKit.FastOptions with { AllowEdited = true });

        await Should.ThrowAsync<MigrationFailedException>(() => migrator.DownAsync());

        var report = (await migrator.RepairAsync()).Interrupted.Single();
        (report.Status, report.StatementsCompleted, report.FileEdited).ShouldBe((HistoryStatus.Reverting, 1, false));
    }

    [Fact]
    public async Task Repair_with_nothing_interrupted_changes_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(UpTests.ThreeTables());
        await migrator.UpAsync();

        var result = await migrator.RepairAsync(RepairAction.Complete);

        result.Interrupted.ShouldBeEmpty();
        result.Resolved.ShouldBeNull();
    }
}

using Strata.Core.History;
using Strata.Core.Planning;
using Strata.Testing;

namespace Strata.Core.Tests.Engine;

public sealed class StatusTests
{
    [Fact]
    public async Task Status_before_the_first_run_shows_everything_pending_without_creating_the_table()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();

        var status = await db.Migrator(UpTests.ThreeTables()).StatusAsync();

        status.HistoryTableExists.ShouldBeFalse();
        status.CurrentVersion.ShouldBeNull();
        status.PendingCount.ShouldBe(3);
        status.Migrations.ShouldAllBe(m => m.State == MigrationState.Pending);
        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
    }

    [Fact]
    public async Task Status_and_validate_show_missing_edited_and_out_of_order_migrations()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = UpTests.ThreeTables().Remove("2_posts.sql");
        await db.Migrator(source).UpAsync();
        source.Remove("1_users.sql")
            .Add("2_posts.sql", "-- migrate:up\nCREATE TABLE posts (id int);\n")
            .Add("10_tags.sql", "-- migrate:up\nCREATE TABLE tags (id bigint);\n")
            .Add("12_new.sql", "-- migrate:up\nCREATE TABLE new (id int);\n");
        var migrator = db.Migrator(source);

        var status = await migrator.StatusAsync();
        var validation = await migrator.ValidateAsync();

        status.Migrations.Select(m => (m.Version.Value, m.State)).ShouldBe(
            [("1", MigrationState.Missing), ("2", MigrationState.OutOfOrder), ("10", MigrationState.Edited), ("12", MigrationState.Pending)]);
        status.CurrentVersion!.Value.Value.ShouldBe("10");
        status.PendingCount.ShouldBe(2);
        status.Migrations[0].Description.ShouldBe("users");
        validation.Problems.Select(p => p.Kind).ShouldBe([ValidationProblemKind.Missing, ValidationProblemKind.OutOfOrder, ValidationProblemKind.Edited]);
        validation.Problems[0].Message.ShouldContain("migration 1_users is recorded as applied but its file is missing");
        (await db.Migrator(source, EngineTestKit.FastOptions with { AllowOutOfOrder = true }).ValidateAsync()).Problems.Count.ShouldBe(2);
    }

    [Fact]
    public async Task History_lists_rows_in_applied_order_with_who_and_how()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = UpTests.ThreeTables().Remove("2_posts.sql");
        await db.Migrator(source).UpAsync();
        source.Add("2_posts.sql", "-- migrate:up\nCREATE TABLE posts (id int);\n");
        await db.Migrator(source, EngineTestKit.FastOptions with { AllowOutOfOrder = true }).UpAsync();

        var history = await db.Migrator(source).HistoryAsync();

        history.TableExists.ShouldBeTrue();
        history.Records.Select(r => r.Version.Value).ShouldBe(["1", "10", "2"]);
        var first = history.Records[0];
        first.AppliedBy.ShouldBe(db.Server.Username);
        first.Origin.ShouldBe(HistoryOrigin.Run);
        first.Status.ShouldBe(HistoryStatus.Applied);
        first.Checksum.ShouldBe(source.Migrations[0].Checksum);
        (first.StatementsCompleted, first.StatementsTotal).ShouldBe((1, 1));
        first.ExecutionTime.ShouldNotBeNull();
        first.ClientHost.ShouldNotBeNullOrEmpty();
        first.StrataVersion.ShouldStartWith("0.1.0");
    }
}

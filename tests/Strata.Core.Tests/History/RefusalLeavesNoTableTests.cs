using Strata.Core.Errors;
using Strata.Core.Execution;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.History;

/// <summary>
/// A command that refuses, or finds nothing to do, on a database Strata has never written to leaves it as it was: the
/// history table is created only by a command that goes on to write a row.
/// </summary>
public sealed class RefusalLeavesNoTableTests
{
    private const string HistoryTable = "public.strata_schema_migrations";

    public static TheoryData<string> Refusals => new()
    {
        "stamp of an unknown version",
        "unstamp of a version with no row",
        "baseline at an unknown version",
        "down to a version that is not applied",
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_command_on_a_fresh_database_creates_no_history_table(string refusal)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(UpTests.ThreeTables());

        Func<Task> command = refusal switch
        {
            "stamp of an unknown version" => () => migrator.StampAsync(MigrationVersion.Parse("99")),
            "unstamp of a version with no row" => () => migrator.UnstampAsync(MigrationVersion.Parse("2")),
            "baseline at an unknown version" => () => migrator.BaselineAsync(MigrationVersion.Parse("99")),
            _ => () => migrator.DownAsync(MigrationTarget.To(MigrationVersion.Parse("1"))),
        };

        await Should.ThrowAsync<ConfigurationException>(command);
        (await db.TableExistsAsync(HistoryTable)).ShouldBeFalse();
    }

    [Fact]
    public async Task Down_redo_and_repair_with_nothing_to_do_on_a_fresh_database_create_no_history_table()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(UpTests.ThreeTables());

        (await migrator.DownAsync()).Migrations.ShouldBeEmpty();
        (await migrator.RedoAsync()).Down.Migrations.ShouldBeEmpty();
        (await migrator.RepairAsync(RepairAction.Retry)).Resolved.ShouldBeNull();
        (await migrator.RepairAsync(RepairAction.Complete)).Resolved.ShouldBeNull();

        (await db.TableExistsAsync(HistoryTable)).ShouldBeFalse();
    }

    [Fact]
    public async Task Stamp_and_baseline_create_the_history_table_when_they_write()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.Migrator(UpTests.ThreeTables()).StampAsync(MigrationVersion.Parse("2"));
        (await db.HistoryVersionsAsync()).ShouldBe(["2"]);

        await using var other = await TestPostgres.CreateDatabaseAsync();
        await other.Migrator(UpTests.ThreeTables()).BaselineAsync(MigrationVersion.Parse("1"));
        (await other.HistoryVersionsAsync()).ShouldBe(["1"]);
    }
}

using Strata.Core.Errors;
using Strata.Core.History;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Core.Tests.Engine;

namespace Strata.Core.Tests.Planning;

public sealed class PlannerTests
{
    private static readonly TestMigrationSource Source = new TestMigrationSource()
        .Add("1_a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n")
        .Add("2_b.sql", "-- migrate:up\nCREATE TABLE b (id int);\n")
        .Add("3_c.sql", "-- migrate:up\nCREATE TABLE c (id int);\n-- migrate:down\nDROP TABLE c;\n")
        .Add("4_d.sql", "-- migrate:up\nCREATE TABLE d (id int);\n-- migrate:down\nDROP TABLE d;\n");

    private static HistoryRecord Row(string version, HistoryStatus status = HistoryStatus.Applied, string? checksum = null)
    {
        var migration = Source.Migrations.FirstOrDefault(m => m.Version.Value == version);
        return new HistoryRecord(
            MigrationVersion.Parse(version), "x", checksum is null ? migration?.Checksum ?? new MigrationChecksum("sha256-lf", "00") : new MigrationChecksum("sha256-lf", checksum),
            status, 0, 1, DateTimeOffset.UnixEpoch, "me", null, "test", null, HistoryOrigin.Run);
    }

    private static MigrationLedger Ledger(params HistoryRecord[] rows) => new(Source.Migrations, rows);

    [Fact]
    public void Each_version_gets_its_state()
    {
        var ledger = Ledger(Row("1", checksum: "ff"), Row("3"), Row("9"), Row("4", HistoryStatus.Running));

        ledger.Entries.Select(e => (e.Version.Value, e.State)).ShouldBe(
            [("1", MigrationState.Edited), ("2", MigrationState.OutOfOrder), ("3", MigrationState.Applied), ("4", MigrationState.Interrupted), ("9", MigrationState.Missing)]);
        ledger.CurrentVersion!.Value.Value.ShouldBe("9");
    }

    [Fact]
    public void Files_and_rows_in_any_order_make_one_entry_a_version_oldest_first()
    {
        var files = Source.Migrations.Reverse().ToList();

        var ledger = new MigrationLedger(files, [Row("10"), Row("3"), Row("1"), Row("4", HistoryStatus.Running)]);

        ledger.Entries.Select(e => (e.Version.Value, e.State)).ShouldBe(
            [("1", MigrationState.Applied), ("2", MigrationState.OutOfOrder), ("3", MigrationState.Applied), ("4", MigrationState.Interrupted), ("10", MigrationState.Missing)]);
        ledger.NewestRecorded!.Value.Value.ShouldBe("10");
        ledger.Entries.Where(e => e.Migration is not null).ShouldAllBe(e => e.Migration!.Version == e.Version);
        ledger.Entries.Where(e => e.Record is not null).ShouldAllBe(e => e.Record!.Version == e.Version);
    }

    [Fact]
    public void Two_migrations_with_one_version_are_refused_naming_both()
    {
        var twice = Source.Migrations.Append(MigrationParser.Parse("db/migrations/0003_again.sql", "-- migrate:up\nSELECT 1;\n")).ToList();

        var error = Should.Throw<ConfigurationException>(() => new MigrationLedger(twice, []));

        error.Message.ShouldBe("Two migrations have version 3: db/migrations/0003_again.sql and db/migrations/3_c.sql; give one a new version.");
    }

    [Fact]
    public void Up_plans_pending_migrations_by_target()
    {
        var ledger = Ledger(Row("1"));

        UpPlanner.Plan(ledger, MigrationTarget.All, new()).Migrations.Select(m => m.Version.Value).ShouldBe(["2", "3", "4"]);
        UpPlanner.Plan(ledger, MigrationTarget.Steps(2), new()).Migrations.Select(m => m.Version.Value).ShouldBe(["2", "3"]);
        UpPlanner.Plan(ledger, MigrationTarget.To(MigrationVersion.Parse("3")), new()).Migrations.Count.ShouldBe(2);
        UpPlanner.Plan(ledger, MigrationTarget.To(MigrationVersion.Parse("1")), new()).Migrations.ShouldBeEmpty();
    }

    [Fact]
    public void Up_refuses_out_of_order_edited_and_interrupted_migrations_naming_them()
    {
        Should.Throw<ValidationFailedException>(() => UpPlanner.Plan(Ledger(Row("1"), Row("3")), MigrationTarget.All, new()))
            .Message.ShouldContain("migration 2_b is pending but older than the newest applied migration 3_c");
        UpPlanner.Plan(Ledger(Row("1"), Row("3")), MigrationTarget.All, new() { AllowOutOfOrder = true }).OutOfOrder.ShouldBe(["2_b"]);
        Should.Throw<ValidationFailedException>(() => UpPlanner.Plan(Ledger(Row("1", checksum: "ff")), MigrationTarget.All, new()))
            .Message.ShouldContain("migration 1_a was edited after it was applied (recorded checksum sha256-lf:ff");
        Should.Throw<ValidationFailedException>(() => UpPlanner.Plan(Ledger(Row("1", HistoryStatus.Running)), MigrationTarget.All, new()))
            .Message.ShouldContain("migration 1_a was interrupted while running up (0 of 1 statements completed): run repair");
    }

    [Fact]
    public void Refusals_carry_what_to_do_next_as_data_naming_no_flag()
    {
        var outOfOrder = Should.Throw<ValidationFailedException>(() => UpPlanner.Plan(Ledger(Row("1"), Row("3")), MigrationTarget.All, new()));
        var edited = Should.Throw<ValidationFailedException>(() => UpPlanner.Plan(Ledger(Row("1", checksum: "ff")), MigrationTarget.All, new()));
        var interrupted = Should.Throw<ValidationFailedException>(() => UpPlanner.Plan(Ledger(Row("1", HistoryStatus.Running)), MigrationTarget.All, new()));

        outOfOrder.NextSteps.ShouldBe([new NextStep(NextStepKind.AllowOutOfOrder)]);
        edited.NextSteps.ShouldBe([new NextStep(NextStepKind.AllowEdited)]);
        interrupted.NextSteps.ShouldBe([new NextStep(NextStepKind.Repair, "1")]);
        foreach (var error in new[] { outOfOrder, edited, interrupted })
        {
            error.Message.ShouldNotContain("--");
        }
    }

    [Fact]
    public void Down_plans_newest_first_and_refuses_a_missing_down_section_before_anything_runs()
    {
        var ledger = Ledger(Row("1"), Row("3"), Row("4"));

        DownPlanner.Plan(ledger, MigrationTarget.Steps(2), new()).Select(m => m.Version.Value).ShouldBe(["4", "3"]);
        DownPlanner.Plan(ledger, MigrationTarget.To(MigrationVersion.Parse("0")), new()).Count.ShouldBe(3);
        Should.Throw<ValidationFailedException>(() => DownPlanner.Plan(Ledger(Row("1"), Row("2"), Row("3")), MigrationTarget.All, new()))
            .Message.ShouldBe("Refusing to roll back, nothing was run: migration 2_b has no down section (db/migrations/2_b.sql).");
        var missing = Should.Throw<ValidationFailedException>(() => DownPlanner.Plan(Ledger(Row("1"), Row("9")), MigrationTarget.Steps(1), new()));
        missing.Message.ShouldContain("migration 9_x has no file");
        // Without its file a migration can only be forgotten, so that is the step offered.
        missing.NextSteps.ShouldBe([new NextStep(NextStepKind.Unstamp, "9")]);
    }

    [Fact]
    public void Steps_must_be_positive()
    {
        Should.Throw<ConfigurationException>(() => MigrationTarget.Steps(0));
    }
}

using Strata.Cli.Commands.Report;
using Strata.Cli.Tests.Commands.Db;
using Strata.Cli.Tests.Support;
using Strata.Core.Schema;
using Strata.Lint;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands.Report;

public sealed class ReportModelTests
{
    [Fact]
    public async Task Each_migration_is_reported_in_its_state_with_who_applied_it()
    {
        await using var scenario = await MixedStatesScenario.CreateAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        var user = await DbCli.ScalarAsync<string>(scenario.Database, "SELECT current_user");

        var report = await ReportRuns.GatherAsync(scenario, scratch, dynamic: false);

        report.Migrations.Select(m => (m.Version, m.Status)).ShouldBe([
            ("1001", ReportStatus.Applied), ("1002", ReportStatus.Applied), ("1003", ReportStatus.ChecksumChanged),
            ("1004", ReportStatus.Failed), ("1005", ReportStatus.Pending)]);
        report.Migrations.Take(4).ShouldAllBe(m => m.History != null && m.History.AppliedBy == user);
        report.Migrations[0].History!.Duration.ShouldNotBeNull();
        var failed = report.Migrations[3].History!;
        (failed.StatementsCompleted, failed.StatementsTotal, failed.Duration).ShouldBe((1, 2, (TimeSpan?)null));
        ReportWords.Detail(report.Migrations[3]).ShouldBe("stopped after 1 of 2 statements; next: strata repair --version 1004");
        report.Migrations[4].History.ShouldBeNull();
        report.Database.ShouldBe(scenario.Database.Url);
        report.Migrations.ShouldAllBe(m => m.Phase == "pre");
        report.HasPhases.ShouldBeFalse();
    }

    [Fact]
    public async Task Pending_migrations_carry_their_static_lint_findings_only_when_not_dynamic()
    {
        await using var scenario = await MixedStatesScenario.CreateAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();

        var report = await ReportRuns.GatherAsync(scenario, scratch, dynamic: false);

        report.Lint.Result.ShouldNotBeNull().Dynamic.ShouldBeFalse();
        var pending = report.Pending.ShouldHaveSingleItem();
        pending.Findings.Select(f => f.Rule).ShouldContain("require-concurrent-index-creation");
        pending.Findings.Select(f => f.Rule).ShouldContain("changing-column-type");
        pending.Findings.ShouldAllBe(f => f.Evidence == LintEvidence.Static);
        pending.Locks.ShouldBeEmpty();
        report.Migrations.Where(m => m.Status != ReportStatus.Pending).ShouldAllBe(m => m.Findings.Count == 0);
    }

    [Fact]
    public async Task A_dynamic_report_lists_the_locks_each_pending_statement_took_with_the_work_done_while_they_are_held()
    {
        await using var scenario = await MixedStatesScenario.CreateAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();

        var report = await ReportRuns.GatherAsync(scenario, scratch, dynamic: true);

        report.Lint.Result.ShouldNotBeNull().Dynamic.ShouldBeTrue();
        var locks = report.Pending.ShouldHaveSingleItem().Locks;
        var accounts = locks.First(l => l.Table == "public.accounts");
        // ADD COLUMN alone is a catalog change, but its lock is held to commit, through the rewrite and the index build after it.
        (accounts.Line, accounts.Mode, accounts.Blocks, accounts.Work).ShouldBe((2, "ACCESS EXCLUSIVE", "all reads and writes", "rewrite and scan"));
        var orders = locks.First(l => l.Table == "public.orders");
        (orders.Line, orders.Mode, orders.Work).ShouldBe((3, "ACCESS EXCLUSIVE", "rewrite and scan"));
        orders.EstimatedSeconds.ShouldNotBeNull();
        var index = locks.Single(l => l.Table == "public.accounts" && l.Mode == "SHARE");
        (index.Line, index.Blocks, index.Work).ShouldBe((4, "writes: INSERT, UPDATE, DELETE", "scan"));
        locks.Select(l => (l.Table, l.Mode)).ShouldBeUnique();
    }

    [Fact]
    public async Task Verify_stops_at_the_failing_migration_and_drift_waits_for_the_interrupted_one_then_lists_every_change_made_by_hand()
    {
        await using var scenario = await MixedStatesScenario.CreateAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();

        var report = await ReportRuns.GatherAsync(scenario, scratch, dynamic: false);

        var verify = report.Verify.Result.ShouldNotBeNull();
        verify.Failure.ShouldNotBeNull().ShouldStartWith("migration 1004_index_orders_concurrently failed going up");
        // Its first statement made orders_total_idx, which is no change made by hand.
        report.Drift.Result.ShouldBeNull();
        report.Drift.Problem.ShouldNotBeNull().ShouldStartWith(
            "drift cannot be checked while migration 1004_index_orders_concurrently is interrupted (up: 1 of 2 statements done;");

        // Once resolved (forgotten: pending again), its index is an object the history does not account for.
        (await new CliHarness(scenario.Root).RunAsync("repair", "--version", "1004", "--retry", "--database-url", scenario.Database.Url)).ExitCode.ShouldBe(0);
        var drift = (await ReportRuns.GatherAsync(scenario, scratch, dynamic: false)).Drift.Result.ShouldNotBeNull();
        drift.AppliedMigrations.ShouldBe(3);
        drift.Differences.Select(d => (d.Change, d.Kind, d.Name)).ShouldBe(
            [
                (SchemaChange.Added, "column", "public.accounts.hotfix"),
                (SchemaChange.Changed, "column", "public.orders.note"),
                (SchemaChange.Added, "index", "public.orders_total_idx"),
                (SchemaChange.Added, "table", $"public.\"{MixedStatesScenario.MarkupTable}\""),
            ],
            ignoreOrder: true);
    }

    [Fact]
    public async Task The_tables_are_the_ones_postgresql_lists_without_the_history_table()
    {
        await using var scenario = await MixedStatesScenario.CreateAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        var expected = await DbCli.ScalarAsync<string[]>(
            scenario.Database,
            "SELECT array_agg(format('%I.%I', schemaname, tablename) ORDER BY 1) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'strata_schema_migrations'");

        var report = await ReportRuns.GatherAsync(scenario, scratch, dynamic: false);

        report.Tables.Select(t => t.Name).Order(StringComparer.Ordinal).ShouldBe(expected.Order(StringComparer.Ordinal));
        var accounts = report.Tables.Single(t => t.Name == "public.accounts");
        accounts.Columns.Select(c => c.Name).ShouldBe(["id", "email", "created_at", "hotfix"]);
        accounts.Columns[0].ShouldBe(new ReportColumn("id", "bigint", true));
        ((long)accounts.Indexes).ShouldBe(await DbCli.ScalarAsync<long>(scenario.Database, "SELECT count(*) FROM pg_indexes WHERE tablename = 'accounts'"));
    }
}

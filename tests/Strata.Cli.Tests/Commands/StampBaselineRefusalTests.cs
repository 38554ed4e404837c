using Npgsql;
using Strata.Cli.Tests.Support;
using Strata.Core.Configuration;
using Strata.Core.Locking;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class StampBaselineRefusalTests
{
    [Fact]
    public async Task Stamp_of_a_recorded_migration_is_refused_with_the_command_that_removes_its_row()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);

        var result = await cli.RunAsync("stamp", "1000");

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stderr.ShouldContain("error: Refusing to stamp: migration 1000_create_t0 is already recorded as applied in public.strata_schema_migrations");
        result.Stderr.ShouldContain("next: strata stamp 1000 --remove");
        result.Stderr.ShouldContain("next: strata status");
    }

    [Fact]
    public async Task Baseline_on_a_history_with_rows_is_refused_with_the_commands_that_fix_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up", "--steps", "1")).ExitCode.ShouldBe(0);

        var result = await cli.RunAsync("baseline", "1001");

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stderr.ShouldContain("error: Refusing to baseline: the history table public.strata_schema_migrations already has 1 row(s)");
        result.Stderr.ShouldContain("next: strata stamp <version>");
        result.Stderr.ShouldContain("next: strata status");
    }

    [Fact]
    public async Task A_stamp_that_waited_in_vain_for_the_migration_lock_names_a_longer_wait_for_stamp_not_for_up()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        await using var holder = await db.DataSource.OpenConnectionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey.Compute(db.Name, HistoryTableName.Default)})", holder))
        {
            await take.ExecuteNonQueryAsync();
        }

        var result = await cli.RunAsync("stamp", "1000", "--lock-wait", "200ms");

        result.ExitCode.ShouldBe(4, result.ToString());
        result.Stderr.ShouldContain("gave up after 200ms");
        result.Stderr.ShouldContain("next: strata stamp 1000 --lock-wait 400ms", customMessage: result.ToString());
        (await MigrationCommandTests.VersionsAsync(db)).ShouldBeEmpty();
    }
}

using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Output;

public sealed class TimingReportTests
{
    [Fact]
    public async Task The_timing_variable_reports_each_phase_of_a_no_op_up_on_stderr()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(3);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);

        var result = await cli.With("STRATA_TRACE_TIMING", "1").RunAsync("up", "--quiet");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldBeEmpty();
        var phases = result.Stderr.Split('\n').Where(l => l.StartsWith("timing: ", StringComparison.Ordinal)).ToList();
        foreach (var phase in new[] { "settings", "connect (first connection", "migration lock", "history read", "migration files", "timing: total" })
        {
            phases.ShouldContain(l => l.Contains(phase, StringComparison.Ordinal), result.Stderr);
        }

        // Nothing to apply: no second connection for migrations.
        phases.ShouldNotContain(l => l.Contains("work connection", StringComparison.Ordinal), result.Stderr);
    }

    [Fact]
    public async Task Up_to_a_version_below_every_pending_file_opens_no_connection_for_migrations()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(3);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up", "--to", "1000")).ExitCode.ShouldBe(0);

        var below = await cli.With("STRATA_TRACE_TIMING", "1").RunAsync("up", "--to", "1000");
        var reaching = await cli.With("STRATA_TRACE_TIMING", "1").RunAsync("up", "--to", "1001");

        below.ExitCode.ShouldBe(0, below.ToString());
        below.Stderr.ShouldContain("timing: ");
        below.Stderr.ShouldNotContain("work connection", customMessage: below.Stderr);
        reaching.ExitCode.ShouldBe(0, reaching.ToString());
        reaching.Stderr.ShouldContain("work connection", customMessage: reaching.Stderr);
        await using var count = db.DataSource.CreateCommand("SELECT count(*) FROM strata_schema_migrations");
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(2);
    }

    [Fact]
    public async Task Without_the_variable_nothing_about_timing_is_printed()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).With("DATABASE_URL", db.Url).RunAsync("up");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.AllOutput.ShouldNotContain("timing:");
    }
}

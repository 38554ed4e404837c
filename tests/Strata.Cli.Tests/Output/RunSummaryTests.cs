using System.Text.Json.Nodes;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Output;

public sealed class RunSummaryTests
{
    [Fact]
    public async Task Up_of_more_than_fifty_migrations_prints_a_summary_with_the_slowest_five()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(51);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var result = await cli.RunAsync("up");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("51 migrations, 1000 to 1050: 51 in a transaction each, 0 with transaction:false");
        result.Stdout.ShouldContain("total time ");
        result.Stdout.ShouldContain("applied 51 migrations");
        var rows = result.Stdout.Split('\n').Where(line => line.StartsWith("10", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBe(5, result.Stdout);
        result.Stderr.ShouldNotContain("Running migration");
        result.Stderr.ShouldNotContain("Ran migration");
    }

    [Fact]
    public async Task Up_of_fifty_migrations_still_lists_each_one()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(50);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var result = await cli.RunAsync("up");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldNotContain("total time");
        result.Stdout.Split('\n').Count(line => line.StartsWith("10", StringComparison.Ordinal)).ShouldBe(50);
        result.Stderr.Split('\n').Count(line => line.StartsWith("Running migration ", StringComparison.Ordinal)).ShouldBe(50);
        result.Stderr.Split('\n').Count(line => line.StartsWith("Ran migration ", StringComparison.Ordinal)).ShouldBe(50);
    }

    [Fact]
    public async Task Verbose_lists_every_migration_of_a_long_run()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(51);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var result = await cli.RunAsync("up", "--verbose");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldNotContain("total time");
        result.Stdout.Split('\n').Count(line => line.StartsWith("10", StringComparison.Ordinal)).ShouldBe(51);
        result.Stderr.Split('\n').Count(line => line.Contains("Running migration ", StringComparison.Ordinal)).ShouldBe(51);
    }

    [Fact]
    public async Task Json_lists_every_migration_of_a_long_run()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(51);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var result = await cli.RunAsync("up", "--json", "--quiet");

        result.ExitCode.ShouldBe(0, result.ToString());
        var completed = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .Single(e => (string?)e["event"] == "up.completed");
        completed["migrations"]!.AsArray().Count.ShouldBe(51);
    }

    [Fact]
    public async Task A_dry_run_of_a_long_run_is_summed_up_too()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(60);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var result = await cli.RunAsync("up", "--dry-run");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("60 migrations, 1000 to 1059");
        result.Stdout.Split('\n').Count(line => line.StartsWith("10", StringComparison.Ordinal)).ShouldBe(0);
    }
}

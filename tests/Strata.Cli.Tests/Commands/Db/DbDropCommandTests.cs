using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands.Db;

public sealed class DbDropCommandTests
{
    [Fact]
    public async Task A_protected_environment_is_refused_with_exit_6_and_the_database_stays()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var observer = await TestPostgres.CreateDatabaseAsync();
        var cli = DbCli.WithEnvironment(db, "prod", """, "protected": true""");

        var result = await cli.RunAsync("db", "drop", "--env", "prod", "--yes", "--force");

        result.ExitCode.ShouldBe(6, result.ToString());
        var config = Path.Combine(cli.WorkingDirectory, "strata.json");
        result.Stderr.Trim().Split('\n')[^1].ShouldBe(
            $"error: refusing to drop database '{db.Name}' of environment 'prod': it is marked \"protected\": true in {config}; protected environments cannot be dropped by Strata");
        (await DbCli.ExistsAsync(observer, db.Name)).ShouldBeTrue();
    }

    [Fact]
    public async Task There_is_no_flag_that_overrides_protection()
    {
        var result = await new CliHarness().RunAsync("db", "drop", "--help");

        var options = result.Stdout.Split('\n').Where(line => line.TrimStart().StartsWith('-')).ToList();
        options.ShouldContain(line => line.Contains("--yes", StringComparison.Ordinal));
        options.ShouldNotContain(line => line.Contains("protect", StringComparison.OrdinalIgnoreCase), "no flag of db drop may override protection");
        result.Stdout.ShouldContain("Refused on protected environments, whatever the flags");
    }

    [Fact]
    public async Task Without_a_terminal_and_without_yes_nothing_is_dropped()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var observer = await TestPostgres.CreateDatabaseAsync();

        var result = await new CliHarness().With("DATABASE_URL", db.Url).RunAsync("db", "drop");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("not confirmed: nothing was dropped");
        (await DbCli.ExistsAsync(observer, db.Name)).ShouldBeTrue();
    }

    [Fact]
    public async Task Yes_drops_and_a_second_drop_reports_it_missing_in_json()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var observer = await TestPostgres.CreateDatabaseAsync();
        var cli = new CliHarness().With("DATABASE_URL", db.Url);

        var first = await cli.RunAsync("--json", "db", "drop", "--yes");
        var second = await cli.RunAsync("--json", "db", "drop", "--yes");

        first.ExitCode.ShouldBe(0, first.ToString());
        DbCli.Event(first, "db.dropped").GetProperty("dropped").GetBoolean().ShouldBeTrue();
        second.ExitCode.ShouldBe(0, second.ToString());
        var missing = DbCli.Event(second, "db.dropped");
        missing.GetProperty("dropped").GetBoolean().ShouldBeFalse();
        missing.GetProperty("database").GetString().ShouldBe(db.Name);
        (await DbCli.ExistsAsync(observer, db.Name)).ShouldBeFalse();
    }
}

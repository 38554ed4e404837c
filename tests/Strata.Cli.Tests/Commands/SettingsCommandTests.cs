using Strata.Cli.Tests.Support;

namespace Strata.Cli.Tests.Commands;

public sealed class SettingsCommandTests
{
    [Fact]
    public async Task New_writes_a_migration_when_no_database_can_be_resolved()
    {
        var cli = new CliHarness();
        await File.WriteAllTextAsync(Path.Combine(cli.WorkingDirectory, "strata.json"), """
            { "environments": { "prod": { "database": { "fromEnvironment": "PROD_URL" }, "migrationsDir": "sql" } } }
            """);

        // PROD_URL is not set and DATABASE_URL is malformed: resolving a database would fail either way.
        var result = await cli.With("STRATA_ENV", "prod").With("DATABASE_URL", "postgres://[broken").RunAsync("new", "add_users");

        result.ExitCode.ShouldBe(0, result.ToString());
        Directory.GetFiles(Path.Combine(cli.WorkingDirectory, "sql"), "*_add_users.sql").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Config_shows_each_engine_setting_and_the_layer_it_came_from()
    {
        var cli = new CliHarness();
        await File.WriteAllTextAsync(Path.Combine(cli.WorkingDirectory, "strata.json"), """{ "historyTable": "ops.history" }""");

        var result = await cli.With("STRATA_LOCK_WAIT", "90s").RunAsync("config", "--migrations-dir", "sql");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldMatch(@"history_table\s+ops\.history\s+historyTable in \./strata\.json");
        result.Stdout.ShouldMatch(@"lock_wait\s+90s\s+STRATA_LOCK_WAIT");
        result.Stdout.ShouldMatch(@"migrations_dir\s+\S*sql\s+--migrations-dir");
        result.Stdout.ShouldMatch(@"lock_retries\s+20\s+default");
    }

    [Fact]
    public async Task Every_bad_setting_is_named_in_one_configuration_error()
    {
        var result = await new CliHarness()
            .With("STRATA_LOCK_RETRIES", "many")
            .With("STRATA_ALLOW_EDITED", "perhaps")
            .RunAsync("up", "--lock-wait", "soon");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("STRATA_LOCK_RETRIES 'many': write a whole number");
        result.Stderr.ShouldContain("STRATA_ALLOW_EDITED 'perhaps': write true or false");
        result.Stderr.ShouldContain("--lock-wait 'soon':");
    }

    [Fact]
    public async Task The_history_table_flag_follows_the_same_rule_as_strata_json()
    {
        var cli = new CliHarness();

        var flag = await cli.RunAsync("status", "--history-table", "my-history");
        await File.WriteAllTextAsync(Path.Combine(cli.WorkingDirectory, "strata.json"), """{ "historyTable": "my-history" }""");
        var file = await cli.RunAsync("status");

        flag.ExitCode.ShouldBe(2, flag.ToString());
        file.ExitCode.ShouldBe(2, file.ToString());
        const string Rule = "must be a table name or schema.table of letters, digits, '_' and '$' (got 'my-history')";
        flag.Stderr.ShouldContain(Rule);
        file.Stderr.ShouldContain(Rule);
    }
}

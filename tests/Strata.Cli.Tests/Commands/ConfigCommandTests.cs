using System.Text.Json;
using Strata.Cli.Tests.Support;

namespace Strata.Cli.Tests.Commands;

public sealed class ConfigCommandTests
{
    [Fact]
    public async Task Shows_which_source_won_and_why()
    {
        var result = await new CliHarness()
            .With("DATABASE_URL", "postgres://app@db.internal:5433/shop")
            .With("PGHOST", "ignored.example")
            .RunAsync("config");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("Database from DATABASE_URL environment variable");
        result.Stdout.ShouldContain("STRATA_DATABASE_URL not set");
        result.Stdout.ShouldContain("db.internal");
        result.Stdout.ShouldNotContain("ignored.example");
    }

    // STRATA_PASSWORD_FILE is a variable like STRATA_PASSWORD_COMMAND: the flags beat both, and both together are an error.
    [Fact]
    public async Task The_password_file_variable_sits_on_the_variable_level_with_the_command_variable()
    {
        var flagWins = await new CliHarness()
            .With("STRATA_PASSWORD_FILE", "no-such-password-file")
            .RunAsync("config", "-u", "postgres://app@db.internal/shop", "--password-command", "echo pw");

        flagWins.ExitCode.ShouldBe(0, flagWins.ToString());
        flagWins.Stdout.ShouldContain("command from --password-command", customMessage: flagWins.ToString());

        var cli = new CliHarness().With("STRATA_PASSWORD_COMMAND", "echo pw");
        await File.WriteAllTextAsync(Path.Combine(cli.WorkingDirectory, "pwf"), "pw-from-file\n");
        var both = await cli.With("STRATA_PASSWORD_FILE", "pwf").RunAsync("config", "-u", "postgres://app@db.internal/shop");

        both.ExitCode.ShouldBe(2, both.ToString());
        both.Stderr.ShouldContain("Both STRATA_PASSWORD_FILE and STRATA_PASSWORD_COMMAND are set", customMessage: both.ToString());
    }

    // A value from a dotenv file says so; the process's own variable keeps its plain name.
    [Fact]
    public async Task A_setting_from_a_dotenv_file_names_the_file()
    {
        var cli = new CliHarness().With("STRATA_STATEMENT_TIMEOUT", "1min");
        await File.WriteAllTextAsync(
            Path.Combine(cli.WorkingDirectory, "ci.env"), "DATABASE_URL=postgres://app@dotenv.internal:5433/shop\nSTRATA_LOCK_TIMEOUT=5s\nSTRATA_STATEMENT_TIMEOUT=2min\n");

        var result = await cli.RunAsync("config", "--env-file", "ci.env");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("Database from DATABASE_URL in ci.env", customMessage: result.ToString());
        result.Stdout.ShouldContain("postgres://app@dotenv.internal:5433/shop", customMessage: result.ToString());
        result.Stdout.ShouldMatch(@"lock_timeout\s+5s\s+STRATA_LOCK_TIMEOUT in ci\.env");
        result.Stdout.ShouldMatch(@"statement_timeout\s+1m\s+STRATA_STATEMENT_TIMEOUT\s*\n");
    }

    // DB_* and PG* values are merged from several variables: each names the file it came from, like DATABASE_URL.
    [Theory]
    [InlineData("DB_HOST=db.internal\nDB_NAME=shop\nDB_USER=app\n", "DB_HOST", "DB_NAME")]
    [InlineData("PGHOST=db.internal\nPGDATABASE=shop\nPGUSER=app\n", "PGHOST", "PGDATABASE")]
    public async Task Connection_variables_from_a_dotenv_file_name_the_file(string dotEnv, string hostVariable, string databaseVariable)
    {
        var cli = new CliHarness();
        await File.WriteAllTextAsync(Path.Combine(cli.WorkingDirectory, ".env"), dotEnv);

        var result = await cli.RunAsync("config");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldMatch($@"\nhost\s+db\.internal\s+{hostVariable} in \.env\s*\n");
        result.Stdout.ShouldMatch($@"\ndatabase\s+shop\s+{databaseVariable} in \.env\s*\n");
    }

    [Fact]
    public async Task Flag_beats_every_environment_variable()
    {
        var result = await new CliHarness()
            .With("DATABASE_URL", "postgres://app@from-env/shop")
            .RunAsync("--json", "config", "--database-url", "postgres://app@from-flag/shop");

        result.ExitCode.ShouldBe(0, result.ToString());
        var config = JsonEvents(result).Single(e => e.GetProperty("event").GetString() == "config");
        config.GetProperty("source").GetString().ShouldBe("Flag");
        result.Stdout.ShouldContain("from-flag");
    }

    [Fact]
    public async Task Environment_from_strata_json_is_chosen_by_STRATA_ENV()
    {
        var cli = new CliHarness();
        await File.WriteAllTextAsync(Path.Combine(cli.WorkingDirectory, "strata.json"), """
            { "environments": {
                "dev":  { "database": "postgres://dev@localhost/app_dev" },
                "prod": { "database": { "fromEnvironment": "PROD_URL" }, "protected": true, "migrationsDir": "sql" } } }
            """);

        var result = await cli.With("STRATA_ENV", "prod").With("PROD_URL", "postgres://deploy@prod-db/app").RunAsync("config");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("prod-db");
        result.Stdout.ShouldMatch(@"protected\s+true");
        result.Stdout.ShouldContain(Path.Combine(cli.WorkingDirectory, "sql"));
    }

    [Fact]
    public async Task Migrations_dir_flag_overrides_the_configuration()
    {
        var result = await new CliHarness().RunAsync("config", "--migrations-dir", "elsewhere/migrations");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldMatch(@"migrations_dir\s+\S*elsewhere/migrations\s+--migrations-dir");
    }

    [Fact]
    public async Task Unknown_environment_is_a_configuration_error()
    {
        var cli = new CliHarness();
        await File.WriteAllTextAsync(Path.Combine(cli.WorkingDirectory, "strata.json"), """{ "environments": { "dev": { "database": "local" } } }""");

        var result = await cli.RunAsync("config", "--env", "staging");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("staging");
    }

    private static List<JsonElement> JsonEvents(CliResult result) =>
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
}

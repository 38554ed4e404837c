using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class DatabaseGivenCommandTests
{
    [Fact]
    public async Task An_empty_database_url_flag_is_a_configuration_error_and_never_reaches_the_local_server()
    {
        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).RunAsync("up", "--database-url", "");

        result.ExitCode.ShouldBe(2, result.ToString());
        ErrorLines(result).ShouldBe(["error: --database-url is given but empty: give a value, or leave it out"], result.ToString());
        Directory.Exists(Path.Combine(files.Root, ".strata")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("DATABASE_URL")]
    [InlineData("STRATA_DATABASE_URL")]
    [InlineData("PGHOST")]
    public async Task A_database_variable_set_but_empty_is_a_configuration_error_naming_it(string variable)
    {
        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).With(variable, "").RunAsync("up");

        result.ExitCode.ShouldBe(2, result.ToString());
        ErrorLines(result).ShouldBe(
            [$"error: {variable} is set but empty: give it a value, or unset it to use the local PostgreSQL"], result.ToString());
        Directory.Exists(Path.Combine(files.Root, ".strata")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_password_file_for_no_named_database_is_a_configuration_error()
    {
        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).RunAsync("up", "--password-file", Path.Combine(files.Root, "missing"));

        result.ExitCode.ShouldBe(2, result.ToString());
        ErrorLines(result).ShouldBe(
            ["error: --password-file gives a password, but nothing names the database it is for: name the database too"], result.ToString());
    }

    [Theory]
    [InlineData("STRATA_PASSWORD_FILE")]
    [InlineData("DB_PASSWORD_FILE")]
    [InlineData("STRATA_PASSWORD_COMMAND")]
    public async Task A_password_variable_for_no_named_database_is_a_configuration_error(string variable)
    {
        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).With(variable, Path.Combine(files.Root, "secret")).RunAsync("config");

        result.ExitCode.ShouldBe(2, result.ToString());
        ErrorLines(result).ShouldBe(
            [$"error: {variable} gives a password, but nothing names the database it is for: name the database too"], result.ToString());
    }

    [Fact]
    public async Task An_empty_database_variable_is_fine_when_a_flag_names_the_database()
    {
        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).With("DATABASE_URL", "").RunAsync("config", "--database-url", "postgres://app@127.0.0.1/app");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldNotContain("local PostgreSQL");
    }

    [Fact]
    public async Task With_nothing_naming_a_database_the_local_default_says_so_on_stderr()
    {
        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).RunAsync("config");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("no database given: using the local PostgreSQL under ./.strata/postgres");
        result.Stdout.ShouldNotContain("no database given");
    }

    [Fact]
    public async Task An_environment_on_the_local_server_is_named_as_given_not_as_no_database_given()
    {
        using var files = new MigrationFiles().AddTables(1);
        await File.WriteAllTextAsync(Path.Combine(files.Root, "strata.json"), """{ "environments": { "test": { "database": "local:pb_test" } } }""");

        var result = await new CliHarness(files.Root).RunAsync("config", "--env", "test");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldNotContain("no database given");
        result.Stderr.ShouldContain("database 'pb_test' of environment 'test'");
        result.Stderr.ShouldContain("using the local PostgreSQL under ./.strata/postgres");
    }

    [Fact]
    public async Task Up_migrates_the_database_named_in_dot_env()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        await File.WriteAllTextAsync(Path.Combine(files.Root, ".env"), $"DATABASE_URL={db.Url}\n");

        var result = await new CliHarness(files.Root).RunAsync("up");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain($"Using database {db.Url} from DATABASE_URL in .env", customMessage: result.ToString());
        (await CountHistoryRowsAsync(db)).ShouldBe(1);
        Directory.Exists(Path.Combine(files.Root, ".strata")).ShouldBeFalse();
    }

    [Fact]
    public async Task The_real_environment_wins_over_dot_env()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        await File.WriteAllTextAsync(Path.Combine(files.Root, ".env"), "DATABASE_URL=postgres://nobody@127.0.0.1:1/none\n");

        var result = await new CliHarness(files.Root).With("DATABASE_URL", db.Url).RunAsync("up");

        result.ExitCode.ShouldBe(0, result.ToString());
        (await CountHistoryRowsAsync(db)).ShouldBe(1);
    }

    [Fact]
    public async Task An_empty_database_url_in_dot_env_is_a_configuration_error()
    {
        using var files = new MigrationFiles().AddTables(1);
        await File.WriteAllTextAsync(Path.Combine(files.Root, ".env"), "DATABASE_URL=\n");

        var result = await new CliHarness(files.Root).RunAsync("up");

        result.ExitCode.ShouldBe(2, result.ToString());
        ErrorLines(result).ShouldBe(["error: DATABASE_URL is set but empty: give it a value, or unset it to use the local PostgreSQL"], result.ToString());
    }

    [Fact]
    public async Task A_missing_env_file_flag_is_a_configuration_error()
    {
        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).RunAsync("up", "--env-file", "missing.env");

        result.ExitCode.ShouldBe(2, result.ToString());
        ErrorLines(result).ShouldBe(
            [$"error: The environment file {Path.Combine(files.Root, "missing.env")} given by --env-file does not exist."], result.ToString());
    }

    [Theory]
    [InlineData("--database-url", "postgres://a@127.0.0.1/a", "--database-url", "postgres://b@127.0.0.1/b")]
    [InlineData("--quiet", "--quiet")]
    [InlineData("--lock-timeout", "1s", "--lock-timeout", "2s")]
    [InlineData("--env", "staging", "--env", "prod")]
    public async Task An_option_given_twice_is_a_usage_error(params string[] args)
    {
        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).RunAsync(["up", .. args]);

        result.ExitCode.ShouldBe(2, result.ToString());
        ErrorLines(result).ShouldBe([$"error: {args[0]} is given more than once; give it once (see 'strata --help')"], result.ToString());
        Directory.Exists(Path.Combine(files.Root, ".strata")).ShouldBeFalse();
    }

    [Fact]
    public async Task The_database_url_flag_wins_over_the_env_flag_and_says_so()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).RunAsync("up", "--env", "prod", "--database-url", db.Url);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain(
            "warning: --database-url wins over environment 'prod' (--env): the database and settings of that environment are not used");
        (await CountHistoryRowsAsync(db)).ShouldBe(1);
    }

    private static async Task<long> CountHistoryRowsAsync(TestDatabase db)
    {
        await using var command = db.DataSource.CreateCommand("SELECT count(*) FROM strata_schema_migrations");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static List<string> ErrorLines(CliResult result) =>
        result.AllOutput.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).Select(l => l.TrimEnd('\r')).ToList();
}

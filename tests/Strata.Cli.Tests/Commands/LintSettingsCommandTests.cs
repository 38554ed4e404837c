using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class LintSettingsCommandTests
{
    private const string Index = "-- migrate:up\nCREATE INDEX t0_name_idx ON t0 (name);\n";

    [Fact]
    public async Task Rules_in_strata_json_change_a_rules_severity_or_turn_it_off()
    {
        using var files = new MigrationFiles();
        files.Add(1, "index", Index + "CREATE TABLE tags (id bigint PRIMARY KEY, name varchar(40));\n");
        var cli = new CliHarness(files.Root);
        await WriteConfigAsync(cli, """{ "lint": { "rules": { "require-concurrent-index-creation": "warning", "prefer-text-over-varchar": "off" } } }""");

        var result = await cli.RunAsync("lint", "db/migrations");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("1_index.sql:2:1: warning require-concurrent-index-creation:");
        result.Stdout.ShouldNotContain("prefer-text-over-varchar");
    }

    [Fact]
    public async Task An_unknown_rule_id_in_strata_json_is_a_one_line_error_with_exit_2()
    {
        using var files = new MigrationFiles();
        files.Add(1, "index", Index);
        var cli = new CliHarness(files.Root);
        await WriteConfigAsync(cli, """{ "lint": { "rules": { "require-concurent-index-creation": "off" } } }""");

        var result = await cli.RunAsync("lint", "db/migrations");

        result.ExitCode.ShouldBe(2);
        result.Stderr.Trim().ShouldBe("error: lint.rules in ./strata.json: 'require-concurent-index-creation' is not a lint rule; the ids are listed in docs/lint.md");
    }

    // strata.json is checked whole when it is read, so a command that does not lint refuses the id too.
    [Theory]
    [InlineData("config")]
    [InlineData("status")]
    public async Task An_unknown_rule_id_in_strata_json_fails_commands_that_do_not_lint(string command)
    {
        using var files = new MigrationFiles();
        files.Add(1, "index", Index);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", "postgres://app@127.0.0.1:1/app");
        await WriteConfigAsync(cli, """{ "lint": { "rules": { "no-such-rule": "off" } } }""");

        var result = await cli.RunAsync(command);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.Trim().ShouldBe("error: lint.rules in ./strata.json: 'no-such-rule' is not a lint rule; the ids are listed in docs/lint.md");
    }

    [Theory]
    [InlineData("""{ "lint": { "rules": { "prefer-jsonb": "loud" } } }""", "'prefer-jsonb' in 'lint.rules' must be one of off, info, warning, error")]
    [InlineData("""{ "lint": { "onUp": "sometimes" } }""", "lint.onUp in ./strata.json 'sometimes': write warn, fail or off")]
    [InlineData("""{ "lint": { "largeTableRows": -5 } }""", "lint.largeTableRows in ./strata.json '-5': write a whole number of rows, such as 10000")]
    [InlineData("""{ "lint": { "largeTableRows": true } }""", "'largeTableRows' in 'lint' must be a whole number of rows, such as 10000")]
    [InlineData("""{ "lint": { "onUP": "fail" } }""", "unknown key 'onUP' in 'lint'")]
    public async Task A_bad_value_in_the_lint_section_is_a_one_line_error_with_exit_2(string config, string problem)
    {
        using var files = new MigrationFiles();
        files.Add(1, "index", Index);
        var cli = new CliHarness(files.Root);
        await WriteConfigAsync(cli, config);

        var result = await cli.RunAsync("lint", "db/migrations");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain(problem);
    }

    [Fact]
    public async Task Config_shows_the_lint_settings_and_where_each_came_from()
    {
        var cli = new CliHarness().With("STRATA_LINT_LARGE_TABLE_ROWS", "50000");
        await WriteConfigAsync(cli, """{ "lint": { "onUp": "fail", "rules": { "prefer-jsonb": "off" } } }""");

        var result = await cli.RunAsync("config");

        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.Stdout.Split('\n');
        lines.ShouldContain(l => l.StartsWith("lint_on_up ") && l.Contains("fail") && l.Contains("lint.onUp in ./strata.json"));
        lines.ShouldContain(l => l.StartsWith("lint_large_table_rows ") && l.Contains("50000") && l.Contains("STRATA_LINT_LARGE_TABLE_ROWS"));
        lines.ShouldContain(l => l.StartsWith("lint_rules ") && l.Contains("prefer-jsonb=off") && l.Contains("lint.rules in ./strata.json"));
    }

    [Fact]
    public async Task Large_table_rows_decides_when_an_observed_scan_under_lock_is_an_error()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        await using (var analyse = db.DataSource.CreateCommand("ANALYZE t0"))
        {
            await analyse.ExecuteNonQueryAsync();
        }

        files.Add(1002, "index_pending", Index);
        string[] lint = ["lint", "--dynamic", "--scratch-url", db.Server.UrlFor("postgres")];

        var small = await cli.RunAsync(lint);
        await WriteConfigAsync(cli, """{ "lint": { "largeTableRows": 0 } }""");
        var large = await cli.RunAsync(lint);

        small.ExitCode.ShouldBe(0, small.ToString());
        small.Stdout.ShouldContain("warning scan-under-lock: SHARE on public.t0 (0 rows");
        large.ExitCode.ShouldBe(5, large.ToString());
        large.Stdout.ShouldContain("error scan-under-lock: SHARE on public.t0 (0 rows");
    }

    private static Task WriteConfigAsync(CliHarness cli, string json) =>
        File.WriteAllTextAsync(Path.Combine(cli.WorkingDirectory, "strata.json"), json);
}

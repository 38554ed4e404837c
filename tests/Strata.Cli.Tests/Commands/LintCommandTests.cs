using System.Text.Json;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class LintCommandTests
{
    private const string Hazard = "-- migrate:up\nCREATE INDEX t0_name_idx ON t0 (name);\n";

    [Fact]
    public async Task Lints_only_the_pending_migrations_by_default()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        files.Add(1001, "index_applied", Hazard);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        files.Add(1002, "index_pending", "-- migrate:up\nALTER TABLE t0 RENAME COLUMN name TO title;\n");

        var result = await cli.RunAsync("lint");

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stdout.ShouldContain("db/migrations/1002_index_pending.sql:2:1: error renaming-column");
        result.Stdout.ShouldNotContain("1001_index_applied");
        result.Stdout.ShouldContain("1 error, 0 warnings, 0 infos in 1 file (1 statement)");
    }

    [Fact]
    public async Task Lints_the_pending_migrations_knowing_what_the_applied_ones_did_as_up_s_own_lint_does()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        files.Add(1001, "check_name", "-- migrate:up\nALTER TABLE t0 ADD CONSTRAINT t0_name_nn CHECK (name IS NOT NULL) NOT VALID;\n");
        files.Add(1002, "validate_name", "-- migrate:up\nALTER TABLE t0 VALIDATE CONSTRAINT t0_name_nn;\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        files.Add(1003, "name_not_null", "-- migrate:up\nALTER TABLE t0 ALTER COLUMN name SET NOT NULL;\n");

        var result = await cli.RunAsync("lint");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("no findings in 1 file (1 statement)", customMessage: "the check 1002 validated proves the column, so SET NOT NULL scans nothing");
    }

    [Fact]
    public async Task Lints_a_migration_older_than_the_newest_applied_one_that_up_would_run_when_allowed()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        files.Add(1003, "later", "-- migrate:up\nSELECT 1;\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        files.Add(1002, "merged_late", "-- migrate:up\nALTER TABLE t0 RENAME COLUMN name TO title;\n");

        var result = await cli.With("STRATA_ALLOW_OUT_OF_ORDER", "true").RunAsync("lint");

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stdout.ShouldContain("db/migrations/1002_merged_late.sql:2:1: error renaming-column");
        result.Stdout.ShouldContain("in 1 file (1 statement)");
        (await cli.RunAsync("lint")).ExitCode.ShouldBe(5, "the file is linted before anyone allows it to run, too");
    }

    [Fact]
    public async Task Dynamic_lint_reports_what_the_server_did_on_a_scratch_copy_of_the_reference()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        files.Add(1002, "index_pending", Hazard);

        var result = await cli.RunAsync("lint", "--dynamic", "--scratch-url", db.Server.UrlFor("postgres"), "--format", "json");

        result.ExitCode.ShouldBe(0, "a blocking index build on an empty table is a warning: " + result);
        using var document = JsonDocument.Parse(result.Stdout);
        var finding = document.RootElement.GetProperty("findings").EnumerateArray().ShouldHaveSingleItem();
        finding.GetProperty("rule").GetString().ShouldBe("scan-under-lock");
        finding.GetProperty("evidence").GetString().ShouldBe("dynamic");
        finding.GetProperty("lock").GetString().ShouldBe("SHARE");
        finding.GetProperty("relations").EnumerateArray().Select(r => r.GetString()).ShouldBe(["public.t0"]);
        finding.GetProperty("scan").GetBoolean().ShouldBeTrue();
        finding.GetProperty("estimatedSeconds").GetDouble().ShouldBe(0);
        var cleared = document.RootElement.GetProperty("overriddenByDynamic").EnumerateArray().ShouldHaveSingleItem();
        cleared.GetProperty("rule").GetString().ShouldBe("require-concurrent-index-creation");
        result.Stdout.ShouldNotContain(db.Server.UrlFor("postgres"));
    }

    [Fact]
    public async Task Dynamic_lint_takes_its_reference_from_a_named_environment_of_strata_json()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        (await new CliHarness(files.Root).With("DATABASE_URL", db.Url).RunAsync("up")).ExitCode.ShouldBe(0);
        var pending = files.Add(1002, "index_pending", Hazard);
        await File.WriteAllTextAsync(Path.Combine(files.Root, "strata.json"), $$"""{ "environments": { "reference": { "database": "{{db.Url}}" } } }""");

        var result = await new CliHarness(files.Root).RunAsync(
            "lint", pending, "--dynamic", "--env", "reference", "--scratch-url", db.Server.UrlFor("postgres"), "--format", "json");

        // Without the reference's schema on the scratch database, t0 would not exist and the statement would fail.
        result.ExitCode.ShouldBe(0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var finding = document.RootElement.GetProperty("findings").EnumerateArray().ShouldHaveSingleItem();
        finding.GetProperty("rule").GetString().ShouldBe("scan-under-lock");
        finding.GetProperty("relations").EnumerateArray().Select(r => r.GetString()).ShouldBe(["public.t0"]);
        finding.GetProperty("estimatedSeconds").GetDouble().ShouldBe(0, "sized from the reference's statistics");
    }

    [Fact]
    public async Task Dynamic_lint_refuses_a_scratch_url_it_cannot_read_in_one_line_without_the_password()
    {
        using var files = new MigrationFiles();
        files.Add(1, "index", Hazard);
        var cli = new CliHarness(files.Root);

        var malformed = await cli.RunAsync("lint", "db/migrations", "--dynamic", "--scratch-url", "not a url");
        var unreachable = await cli.RunAsync("lint", "db/migrations", "--dynamic", "--scratch-url", "postgres://u:hunter2@127.0.0.1:1/x");

        malformed.ExitCode.ShouldBe(2);
        malformed.Stderr.Trim().ShouldBe("error: the scratch server URL: the value is neither a postgres:// URL nor a keyword connection string (like Host=...;Database=...)");
        unreachable.ExitCode.ShouldBe(3);
        unreachable.Stderr.ShouldContain("error: Connection refused by 127.0.0.1:1");
        unreachable.Stderr.ShouldNotContain("local", Case.Insensitive, "no database was named, so there is no reference to announce");
        (unreachable.Stdout + unreachable.Stderr).ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task Fail_on_decides_which_severity_exits_5()
    {
        using var files = new MigrationFiles();
        files.Add(1, "tags", "-- migrate:up\nCREATE TABLE tags (id bigint PRIMARY KEY, name varchar(40));\n");
        var cli = new CliHarness(files.Root);

        (await cli.RunAsync("lint", "db/migrations")).ExitCode.ShouldBe(0, "an info finding does not fail by default");
        (await cli.RunAsync("lint", "db/migrations", "--fail-on", "info")).ExitCode.ShouldBe(5);
        (await cli.With("STRATA_LINT_FAIL_ON", "warning").RunAsync("lint", "db/migrations")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("lint", "db/migrations", "--fail-on", "sometimes")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Json_format_is_one_document_of_findings_with_stable_fields()
    {
        using var files = new MigrationFiles();
        files.Add(1, "index", Hazard);
        var result = await new CliHarness(files.Root).RunAsync("lint", "db/migrations", "--format", "json");

        result.ExitCode.ShouldBe(5);
        using var document = JsonDocument.Parse(result.Stdout);
        var finding = document.RootElement.GetProperty("findings").EnumerateArray().ShouldHaveSingleItem();
        finding.EnumerateObject().Select(p => p.Name).ShouldBe(["file", "line", "column", "rule", "severity", "message", "safeAlternative", "evidence"]);
        finding.GetProperty("file").GetString().ShouldBe("db/migrations/1_index.sql");
        finding.GetProperty("line").GetInt32().ShouldBe(2);
        finding.GetProperty("rule").GetString().ShouldBe("require-concurrent-index-creation");
        finding.GetProperty("severity").GetString().ShouldBe("error");
        document.RootElement.GetProperty("summary").GetProperty("errors").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Sarif_format_is_a_sarif_2_1_0_log_whose_results_point_at_their_rules()
    {
        using var files = new MigrationFiles();
        files.Add(1, "index", Hazard);
        var result = await new CliHarness(files.Root).RunAsync("lint", "db/migrations", "--format", "sarif");

        using var log = JsonDocument.Parse(result.Stdout);
        log.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        var run = log.RootElement.GetProperty("runs")[0];
        var sarifResult = run.GetProperty("results").EnumerateArray().ShouldHaveSingleItem();
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        rules[sarifResult.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString().ShouldBe("require-concurrent-index-creation");
        sarifResult.GetProperty("level").GetString().ShouldBe("error");
        var location = sarifResult.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("db/migrations/1_index.sql");
        location.GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Sarif_columns_are_declared_as_code_points_and_an_emoji_counts_once()
    {
        using var files = new MigrationFiles();
        files.Add(1, "index", "-- migrate:up\nSELECT '\U0001F600'; CREATE INDEX t0_name_idx ON t0 (name);\n");
        var result = await new CliHarness(files.Root).RunAsync("lint", "db/migrations", "--format", "sarif");

        using var log = JsonDocument.Parse(result.Stdout);
        var run = log.RootElement.GetProperty("runs")[0];
        run.GetProperty("columnKind").GetString().ShouldBe("unicodeCodePoints");
        var region = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        region.GetProperty("startColumn").GetInt32().ShouldBe(13, "12 code points (one emoji, two UTF-16 units) come before CREATE");
    }

    [Fact]
    public async Task Github_format_prints_one_workflow_annotation_per_finding_and_ends_with_the_error()
    {
        using var files = new MigrationFiles();
        files.Add(1, "index", Hazard + "ALTER TABLE t0 DROP COLUMN name;\n");
        var result = await new CliHarness(files.Root).RunAsync("lint", "db/migrations", "--format", "github");

        result.ExitCode.ShouldBe(5);
        var lines = result.Stdout.TrimEnd().Split('\n');
        lines.Length.ShouldBe(3, result.Stdout);
        lines[0].ShouldStartWith("::error file=db/migrations/1_index.sql,line=2,col=1,title=strata lint require-concurrent-index-creation::CREATE INDEX on t0");
        lines[1].ShouldStartWith("::warning file=db/migrations/1_index.sql,line=3,col=16,title=strata lint dropping-column::");
        lines[2].ShouldBe("::error title=strata%3A validation-failed::1 lint finding at or above error, the fail-on severity");
    }

    [Fact]
    public async Task Failing_findings_under_json_events_end_with_one_error_event()
    {
        using var files = new MigrationFiles();
        files.Add(1, "index", Hazard);
        var result = await new CliHarness(files.Root).RunAsync("lint", "db/migrations", "--json");

        result.ExitCode.ShouldBe(5, result.ToString());
        var events = result.Stdout.TrimEnd().Split('\n').Select(line => JsonDocument.Parse(line).RootElement).ToList();
        events.Count(e => e.GetProperty("event").GetString() == "error").ShouldBe(1);
        var error = events[^1];
        (error.GetProperty("event").GetString(), error.GetProperty("code").GetString(), error.GetProperty("exitCode").GetInt32())
            .ShouldBe(("error", "validation-failed", 5));
    }

    [Fact]
    public async Task Github_format_puts_findings_and_the_error_relative_to_the_workspace_not_the_working_directory()
    {
        using var files = new MigrationFiles();
        files.Add(1, "index", Hazard);
        var cli = new CliHarness(Path.Combine(files.Root, "db")).With("GITHUB_WORKSPACE", files.Root);

        var findings = await cli.RunAsync("lint", "migrations", "--format", "github");
        findings.Stdout.ShouldStartWith("::error file=db/migrations/1_index.sql,line=2,");

        files.Add(2, "broken", "-- migrate:up\nALTER TABLE t0 ADD COLUMN;\n");
        var failed = await cli.RunAsync("lint", "migrations", "--format", "github");
        failed.ExitCode.ShouldBe(5);
        failed.Stdout.ShouldContain("::error file=db/migrations/2_broken.sql,line=2,");
    }

    [Fact]
    public async Task A_plain_sql_file_is_linted_as_one_transactional_migration()
    {
        using var files = new MigrationFiles();
        File.WriteAllText(Path.Combine(files.Root, "hotfix.sql"), "CREATE INDEX CONCURRENTLY i ON t0 (name);\n");
        var result = await new CliHarness(files.Root).RunAsync("lint", "hotfix.sql");

        result.ExitCode.ShouldBe(5);
        result.Stdout.ShouldContain("hotfix.sql:1:1: error concurrently-in-transaction");
    }

    [Fact]
    public async Task A_line_break_in_a_quoted_identifier_is_escaped_so_that_each_finding_stays_on_its_line()
    {
        using var files = new MigrationFiles();
        File.WriteAllText(Path.Combine(files.Root, "rename.sql"), "ALTER TABLE \"a\nb\" RENAME COLUMN x TO y;\n");

        var result = await new CliHarness(files.Root).RunAsync("lint", "rename.sql", "--fail-on", "none");

        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.Stdout.Split('\n');
        lines[0].ShouldStartWith("rename.sql:1:1: error renaming-column: ");
        lines[0].ShouldContain("a\\u000ab.x");
        lines[1].ShouldStartWith("  safe alternative: ");
    }

    [Fact]
    public async Task A_statement_postgresql_cannot_parse_exits_5_naming_file_line_and_column()
    {
        using var files = new MigrationFiles();
        files.Add(1, "broken", "-- migrate:up\nSELECT 1;\nALTER TABLE t0 ADD COLUMN;\n");
        var result = await new CliHarness(files.Root).RunAsync("lint", "db/migrations");

        result.ExitCode.ShouldBe(5);
        result.Stderr.ShouldContain("1_broken.sql:3:26: syntax error at or near \";\"");
    }

    [Theory]
    [InlineData("db/migrations", null, "sql-syntax", 5)]
    [InlineData("no/such/dir", null, "configuration", 2)]
    [InlineData("db/migrations", "sometimes", "configuration", 2)]
    public async Task An_error_under_json_format_is_the_error_event_on_stdout(string path, string? failOn, string code, int exitCode)
    {
        var result = await RunBrokenAsync("json", path, failOn);

        result.ExitCode.ShouldBe(exitCode);
        using var json = JsonDocument.Parse(result.Stdout.Trim());
        json.RootElement.GetProperty("event").GetString().ShouldBe("error");
        json.RootElement.GetProperty("code").GetString().ShouldBe(code, result.Stdout);
        json.RootElement.GetProperty("exitCode").GetInt32().ShouldBe(exitCode);
        result.Stderr.ShouldContain("error: ", Case.Sensitive, "the one line for people still goes to stderr");
    }

    [Fact]
    public async Task An_error_under_json_format_names_the_file_line_and_column_like_the_findings()
    {
        var result = await RunBrokenAsync("json", "db/migrations", null);

        using var json = JsonDocument.Parse(result.Stdout.Trim());
        json.RootElement.GetProperty("file").GetString().ShouldBe("db/migrations/1_broken.sql");
        json.RootElement.GetProperty("line").GetInt32().ShouldBe(3);
        json.RootElement.GetProperty("column").GetInt32().ShouldBe(26);
    }

    [Theory]
    [InlineData("db/migrations", null, 5)]
    [InlineData("no/such/dir", null, 2)]
    [InlineData("db/migrations", "sometimes", 2)]
    public async Task An_error_under_sarif_format_is_a_log_whose_invocation_failed_with_it(string path, string? failOn, int exitCode)
    {
        var result = await RunBrokenAsync("sarif", path, failOn);

        result.ExitCode.ShouldBe(exitCode);
        using var log = JsonDocument.Parse(result.Stdout);
        log.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        var run = log.RootElement.GetProperty("runs")[0];
        run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString().ShouldBe("strata lint");
        run.TryGetProperty("results", out _).ShouldBeFalse("no results were computed");
        var invocation = run.GetProperty("invocations")[0];
        invocation.GetProperty("executionSuccessful").GetBoolean().ShouldBeFalse();
        invocation.GetProperty("exitCode").GetInt32().ShouldBe(exitCode);
        var notification = invocation.GetProperty("toolExecutionNotifications")[0];
        notification.GetProperty("level").GetString().ShouldBe("error");
        result.Stderr.ShouldContain(notification.GetProperty("message").GetProperty("text").GetString()!);
        if (exitCode == 5)
        {
            var location = notification.GetProperty("locations")[0].GetProperty("physicalLocation");
            location.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("db/migrations/1_broken.sql");
            location.GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(3);
        }
    }

    [Theory]
    [InlineData("flag", "sarif")]
    [InlineData("flag", "json")]
    [InlineData("variable", "sarif")]
    [InlineData("env file", "json")]
    public async Task A_settings_error_under_a_document_format_still_writes_the_document(string givenBy, string format)
    {
        using var files = new MigrationFiles();
        files.Add(1, "ok", "-- migrate:up\nSELECT 1;\n");
        var cli = new CliHarness(files.Root).With("STRATA_LOCK_TIMEOUT", "banana");
        if (givenBy == "env file")
        {
            File.WriteAllText(Path.Combine(files.Root, ".env"), $"STRATA_FORMAT={format}\n");
        }

        var result = givenBy switch
        {
            "flag" => await cli.RunAsync("lint", "db/migrations", "--format", format),
            "variable" => await cli.With("STRATA_FORMAT", format).RunAsync("lint", "db/migrations"),
            _ => await cli.RunAsync("lint", "db/migrations"),
        };

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("error: STRATA_LOCK_TIMEOUT 'banana'");
        using var document = JsonDocument.Parse(result.Stdout);
        var message = format == "sarif"
            ? document.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString()
            : document.RootElement.GetProperty("message").GetString();
        message.ShouldStartWith("STRATA_LOCK_TIMEOUT 'banana'");
    }

    [Fact]
    public async Task Sarif_uris_are_percent_encoded()
    {
        using var files = new MigrationFiles();
        Directory.CreateDirectory(Path.Combine(files.Root, "sub dir"));
        File.WriteAllText(Path.Combine(files.Root, "sub dir", "003_a%b#c.sql"), "CREATE INDEX i ON t0 (name);\n");
        var result = await new CliHarness(files.Root).RunAsync("lint", "sub dir", "--format", "sarif");

        using var log = JsonDocument.Parse(result.Stdout);
        log.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation")
            .GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("sub%20dir/003_a%25b%23c.sql");
    }

    private static async Task<CliResult> RunBrokenAsync(string format, string path, string? failOn)
    {
        using var files = new MigrationFiles();
        files.Add(1, "broken", "-- migrate:up\nSELECT 1;\nALTER TABLE t0 ADD COLUMN;\n");
        string[] args = failOn is null ? ["lint", path, "--format", format] : ["lint", path, "--format", format, "--fail-on", failOn];
        return await new CliHarness(files.Root).RunAsync(args);
    }

    [Fact]
    public async Task The_postgresql_version_decides_what_rewrites()
    {
        using var files = new MigrationFiles();
        files.Add(1, "plan", "-- migrate:up\nALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';\n");
        var cli = new CliHarness(files.Root);

        (await cli.RunAsync("lint", "db/migrations", "--postgres-version", "11")).ExitCode.ShouldBe(0);
        var old = await cli.With("STRATA_POSTGRES_VERSION", "10").RunAsync("lint", "db/migrations");
        old.ExitCode.ShouldBe(5);
        old.Stdout.ShouldContain("error adding-volatile-default: before PostgreSQL 11");
    }

    [Fact]
    public async Task An_unknown_format_or_version_is_a_usage_error()
    {
        var cli = new CliHarness();
        (await cli.RunAsync("lint", ".", "--format", "xml")).Stderr.ShouldContain("--format 'xml': use text, json, sarif or github");
        (await cli.RunAsync("lint", ".", "--postgres-version", "fifteen")).ExitCode.ShouldBe(2);
    }

    [Theory]
    [InlineData("STRATA_FORMAT")]
    [InlineData("STRATA_LINT_FAIL_ON")]
    [InlineData("STRATA_POSTGRES_VERSION")]
    public async Task A_bad_lint_setting_from_a_variable_is_named_by_its_variable(string variable)
    {
        using var files = new MigrationFiles();
        files.Add(1, "ok", "-- migrate:up\nSELECT 1;\n");
        var result = await new CliHarness(files.Root).With(variable, "bogus").RunAsync("lint", "db/migrations");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain($"error: {variable} 'bogus'");
    }

    [Fact]
    public async Task Sarif_names_the_version_strata_version_prints()
    {
        using var files = new MigrationFiles();
        files.Add(1, "index", Hazard);
        var cli = new CliHarness(files.Root);
        var version = (await cli.RunAsync("--version")).Stdout.Trim();
        var result = await cli.RunAsync("lint", "db/migrations", "--format", "sarif");

        using var log = JsonDocument.Parse(result.Stdout);
        var driver = log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        version.ShouldNotBeEmpty();
        driver.GetProperty("semanticVersion").GetString().ShouldBe(version);
    }
}

using System.Globalization;
using Npgsql;
using Strata.Cli.Commands.Lint;
using Strata.Cli.Output;
using Strata.Cli.Tests.Support;
using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Lint;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class UpLintCommandTests
{
    private const string Rename = "-- migrate:up\nALTER TABLE t0 RENAME COLUMN name TO title;\n";

    [Fact]
    public async Task Up_prints_the_lint_findings_of_pending_migrations_as_warnings_and_applies_them()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        files.Add(1002, "rename", Rename);

        var result = await cli.RunAsync("up");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("warning: db/migrations/1002_rename.sql:2:1: error renaming-column:");
        result.Stderr.ShouldNotContain("1000_create_t0", Case.Sensitive, "applied migrations are not linted again");
        (await ColumnsAsync(db, "t0")).ShouldContain("title");
    }

    [Fact]
    public async Task A_check_validated_by_an_applied_migration_lets_a_pending_set_not_null_pass_lint_on_up_fail()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        files.Add(1002, "check", "-- migrate:up\nALTER TABLE t0 ADD CONSTRAINT t0_name_nn CHECK (name IS NOT NULL) NOT VALID;\n");
        files.Add(1003, "validate", "-- migrate:up\nALTER TABLE t0 VALIDATE CONSTRAINT t0_name_nn;\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        files.Add(1004, "not_null", "-- migrate:up\nALTER TABLE t0 ALTER COLUMN name SET NOT NULL;\n");
        await File.WriteAllTextAsync(Path.Combine(files.Root, "strata.json"), """{ "lint": { "onUp": "fail" } }""");

        var result = await cli.RunAsync("up");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldNotContain("setting-not-null");
        result.Stderr.ShouldNotContain("1002_check", Case.Sensitive, "applied migrations are not linted again");
    }

    [Fact]
    public async Task Lint_on_up_fail_refuses_an_error_finding_with_exit_5_and_applies_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        files.Add(1002, "rename", Rename);
        files.Add(1003, "tags", "-- migrate:up\nCREATE TABLE tags (id bigint PRIMARY KEY);\n");
        await File.WriteAllTextAsync(Path.Combine(files.Root, "strata.json"), """{ "lint": { "onUp": "fail" } }""");

        var result = await cli.RunAsync("up");

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stderr.ShouldContain("warning: db/migrations/1002_rename.sql:2:1: error renaming-column:");
        result.Stderr.ShouldContain("error: up refused: the pre-flight lint found 1 error in the migrations to apply and lint.onUp is fail (lint.onUp in ./strata.json); nothing was applied.");
        (await ColumnsAsync(db, "t0")).ShouldBe(["id", "name"]);
        (await ScalarAsync(db, "SELECT count(*) FROM public.strata_schema_migrations")).ShouldBe(1);
        (await ScalarAsync(db, "SELECT count(*) FROM pg_class WHERE relname = 'tags'")).ShouldBe(0);
    }

    [Fact]
    public async Task The_pre_deploy_phase_lints_only_what_it_applies_so_a_post_deploy_hazard_does_not_refuse_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        // A lock hazard, an error in either phase (a rename after the deploy is the contract step, only noted).
        files.Add(1002, "index", "-- migrate:up phase:post\nCREATE INDEX t0_name_idx ON t0 (name);\n");
        files.Add(1003, "tags", "-- migrate:up\nCREATE TABLE tags (id bigint PRIMARY KEY);\n");
        await File.WriteAllTextAsync(Path.Combine(files.Root, "strata.json"), """{ "lint": { "onUp": "fail" } }""");

        var pre = await cli.RunAsync("up", "--phase", "pre");
        var post = await cli.RunAsync("up", "--phase", "post");

        pre.ExitCode.ShouldBe(0, pre.ToString());
        pre.Stderr.ShouldNotContain("require-concurrent-index-creation", Case.Sensitive, "the post-deploy migration is not linted in the pre phase");
        (await ScalarAsync(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'tags'")).ShouldBe(1);
        post.ExitCode.ShouldBe(5, post.ToString());
        post.Stderr.ShouldContain("warning: db/migrations/1002_index.sql:2:1: error require-concurrent-index-creation:");
        (await ScalarAsync(db, "SELECT count(*) FROM pg_indexes WHERE indexname = 't0_name_idx'")).ShouldBe(0);
    }

    [Fact]
    public async Task A_suppressed_finding_lets_up_run_under_lint_on_up_fail()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url).With("STRATA_LINT_ON_UP", "fail");
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        files.Add(1002, "rename", "-- migrate:up\n-- strata:lint-ignore renaming-column no release reads t0.name any more\nALTER TABLE t0 RENAME COLUMN name TO title;\n");

        var result = await cli.RunAsync("up");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldNotContain("renaming-column");
        (await ColumnsAsync(db, "t0")).ShouldContain("title");
    }

    [Fact]
    public async Task Lint_on_up_off_runs_no_lint()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        files.Add(1002, "rename", Rename);
        var result = await new CliHarness(files.Root).With("DATABASE_URL", db.Url).With("STRATA_LINT_ON_UP", "off").RunAsync("up");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldNotContain("renaming-column");
    }

    [Fact]
    public async Task Without_the_parser_up_warns_once_that_the_lint_was_skipped_and_goes_on()
    {
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var reporter = new Reporter(TextWriter.Null, stderr, OutputMode.Human, Verbosity.Normal, new Style(false), Environment.CurrentDirectory);

        var result = await UpLint.LintOrSkipAsync(new Setting<string>("warn", SettingSource.Default, "default"), reporter, Missing);

        result.ShouldBeNull();
        stderr.ToString().ShouldStartWith("warning: the pre-flight lint was skipped: strata lint needs libpg_query");
        stderr.ToString().TrimEnd().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task Without_the_parser_lint_on_up_fail_is_a_clear_error()
    {
        var reporter = new Reporter(TextWriter.Null, TextWriter.Null, OutputMode.Human, Verbosity.Normal, new Style(false), Environment.CurrentDirectory);
        var onUp = new Setting<string>("fail", SettingSource.ConfigFile, "lint.onUp in strata.json");

        var error = await Should.ThrowAsync<PrerequisiteMissingException>(() => UpLint.LintOrSkipAsync(onUp, reporter, Missing));

        error.Message.ShouldStartWith("lint.onUp is fail (lint.onUp in strata.json), so up lints first, but strata lint needs libpg_query");
    }

    private static Task<LintResult> Missing() =>
        throw new PrerequisiteMissingException("Strata lint needs libpg_query (PostgreSQL's parser as a library), which is not installed");

    private static async Task<List<string>> ColumnsAsync(TestDatabase db, string table)
    {
        await using var command = db.DataSource.CreateCommand(
            "SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum");
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static async Task<long> ScalarAsync(TestDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

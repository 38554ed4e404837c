using Strata.Cli.Output;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Output;

public sealed class GithubFormatTests
{
    [Fact]
    public async Task A_failing_migration_becomes_an_annotation_on_its_file_and_line_and_the_step_summary_gets_a_table()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        files.Add(2000, "add_orders", "-- migrate:up\nCREATE TABLE orders (id int);\nINSERT INTO orders\n  SELECT id FROM no_such_table;\n");
        var summary = Path.Combine(files.Root, "step-summary.md");
        File.WriteAllText(summary, "earlier step\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url).With("GITHUB_STEP_SUMMARY", summary).With("GITHUB_WORKSPACE", files.Root);

        var result = await cli.RunAsync("up", "--format", "github");

        result.ExitCode.ShouldBe(1, result.ToString());
        var annotation = result.Stdout.Split('\n').Where(line => line.StartsWith("::error ", StringComparison.Ordinal)).ShouldHaveSingleItem();
        annotation.ShouldStartWith("::error file=db/migrations/2000_add_orders.sql,line=4,col=");
        annotation.ShouldContain(",title=strata%3A migration-failed::migration 2000_add_orders failed at ");
        annotation.ShouldContain("42P01");
        result.Stdout.ShouldContain("applied 1 migration before the failure");
        result.Stderr.ShouldContain("error: migration 2000_add_orders failed");

        var markdown = File.ReadAllText(summary);
        markdown.ShouldStartWith("earlier step\n## strata up\n");
        markdown.ShouldContain("### Applied before the failure\n\n| Version | Description | File | Time | Transaction |\n| --- | --- | --- | --- | --- |\n| 1000 | create_t0 | `db/migrations/1000_create_t0.sql` | ");
        markdown.ShouldContain("### :x: Failed: `migration-failed`");
        markdown.ShouldContain("| Location | `db/migrations/2000_add_orders.sql:4:");
        markdown.ShouldContain("| SQLSTATE | `42P01` |");
        markdown.ShouldContain("```sql\nINSERT INTO orders\n  SELECT id FROM no_such_table;\n```");
    }

    [Fact]
    public async Task The_step_summary_of_a_failed_down_heads_what_it_reverted_before_the_failure_as_reverted()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "t", "-- migrate:up\nCREATE TABLE t (id bigint primary key);\n-- migrate:down\nSELECT 1/0;\n");
        files.Add(2, "u", "-- migrate:up\nCREATE TABLE u (id bigint primary key);\n-- migrate:down\nDROP TABLE u;\n");
        var summary = Path.Combine(files.Root, "step-summary.md");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url).With("GITHUB_WORKSPACE", files.Root);
        (await cli.RunAsync("up", "-q")).ExitCode.ShouldBe(0);

        var result = await cli.With("GITHUB_STEP_SUMMARY", summary).RunAsync("down", "--steps", "2", "--format", "github");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stdout.ShouldContain("reverted 1 migration before the failure");
        var markdown = File.ReadAllText(summary);
        markdown.ShouldContain("### Reverted before the failure\n\n| Version | Description | File | Time | Transaction |\n| --- | --- | --- | --- | --- |\n| 2 | u | `db/migrations/2_u.sql` | ");
        markdown.ShouldNotContain("Applied");
    }

    [Fact]
    public async Task A_successful_up_under_format_github_summarises_what_was_applied_and_how_long_each_took()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        var summary = Path.Combine(files.Root, "step-summary.md");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url).With("GITHUB_STEP_SUMMARY", summary);

        var result = await cli.RunAsync("up", "--format", "github");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldNotContain("::error");
        var markdown = File.ReadAllText(summary);
        markdown.ShouldContain("## strata up\n\n### Applied\n\n| Version | Description | File | Time | Transaction |");
        markdown.ShouldContain("| 1001 | create_t1 | `db/migrations/1001_create_t1.sql` | ");
        markdown.ShouldContain("Total: 2 migrations in ");
    }

    [Fact]
    public async Task Without_format_github_the_step_summary_is_left_alone()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        var summary = Path.Combine(files.Root, "step-summary.md");

        var result = await new CliHarness(files.Root).With("DATABASE_URL", db.Url).With("GITHUB_STEP_SUMMARY", summary).RunAsync("up");

        result.ExitCode.ShouldBe(0, result.ToString());
        File.Exists(summary).ShouldBeFalse();
    }

    [Fact]
    public async Task The_text_output_of_a_failed_up_still_lists_what_was_applied_before_the_failure()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        files.Add(2000, "broken", "-- migrate:up\nSELECT 1/0;\n");

        var result = await new CliHarness(files.Root).With("DATABASE_URL", db.Url).RunAsync("up");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stdout.ShouldContain("1000");
        result.Stdout.ShouldContain("create_t1");
        result.Stdout.ShouldContain("applied 2 migrations before the failure; they stay committed");
        result.Stderr.ShouldContain("error: migration 2000_broken failed at ");
    }

    [Fact]
    public async Task Lint_under_format_github_annotates_findings_and_tables_them_in_the_step_summary()
    {
        using var files = new MigrationFiles();
        files.Add(1000, "index", "-- migrate:up\nCREATE INDEX users_email ON users (email);\n");
        var summary = Path.Combine(files.Root, "step-summary.md");

        var result = await new CliHarness(files.Root).With("GITHUB_STEP_SUMMARY", summary).RunAsync("lint", "db/migrations", "--format", "github", "--fail-on", "none");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldStartWith("::");
        result.Stdout.ShouldContain("file=db/migrations/1000_index.sql,line=2,col=1,title=strata lint ");
        var markdown = File.ReadAllText(summary);
        markdown.ShouldStartWith("## strata lint\n");
        markdown.ShouldContain("| Location | Severity | Rule | Finding |\n| --- | --- | --- | --- |\n| `db/migrations/1000_index.sql:2:1` | ");
    }

    [Fact]
    public async Task A_failed_verify_under_format_github_puts_its_differences_in_the_step_summary()
    {
        using var files = new MigrationFiles();
        files.Add(1, "create_t", "-- migrate:up\nCREATE TABLE t (id integer PRIMARY KEY, name text);\n\n-- migrate:down\nDROP TABLE t;\n");
        files.Add(2, "index_name", "-- migrate:up\nCREATE INDEX t_name_idx ON t (name);\n\n-- migrate:down\nSELECT 1;\n");
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        var summary = Path.Combine(files.Root, "step-summary.md");

        var result = await new CliHarness(files.Root).With("GITHUB_STEP_SUMMARY", summary)
            .RunAsync("verify", "--scratch-url", scratch.Url, "--format", "github");

        result.ExitCode.ShouldBe(5, result.ToString());
        var markdown = File.ReadAllText(summary);
        markdown.ShouldStartWith("## strata verify\n\n**migration 2_index_name: down does not restore the schema before its up");
        markdown.ShouldContain("added index public.t_name_idx");
    }

    [Fact]
    public async Task Sarif_is_refused_on_commands_other_than_lint()
    {
        var result = await new CliHarness().RunAsync("status", "--format", "sarif");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldBe("error: --format 'sarif': SARIF is written by strata lint only; here use text, json or github\n");
    }

    [Fact]
    public async Task Format_json_is_the_same_as_json()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).With("DATABASE_URL", db.Url).With("STRATA_FORMAT", "json").RunAsync("up");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.Trim().Split('\n')[^1].ShouldStartWith("{\"time\":");
    }

    [Theory]
    [InlineData("100% done\r\nnext", "100%25 done%0D%0Anext")]
    [InlineData("a: b, c", "a: b, c")]
    public void Annotation_messages_escape_percent_and_line_breaks(string message, string escaped) =>
        GithubCommands.Annotation("error", message).ShouldBe("::error::" + escaped);

    [Fact]
    public void Annotation_properties_also_escape_colons_and_commas() =>
        GithubCommands.Annotation("warning", "m", file: "db/a,b:c%.sql", line: 3, column: 7, title: "t\n2")
            .ShouldBe("::warning file=db/a%2Cb%3Ac%25.sql,line=3,col=7,title=t%0A2::m");
}

using Strata.Cli.Commands.Report;
using Strata.Cli.Tests.Commands.Db;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands.Report;

public sealed class ReportCommandTests
{
    [Fact]
    public async Task Markdown_has_every_section_for_a_database_in_every_state()
    {
        await using var scenario = await MixedStatesScenario.CreateAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();

        var result = await new CliHarness(scenario.Root).RunAsync(
            "report", "--markdown", "--dynamic", "--database-url", scenario.Database.Url, "--scratch-url", scratch.Url);

        result.ExitCode.ShouldBe(0, result.ToString());
        var markdown = result.Stdout;
        markdown.ShouldStartWith("# Strata migration report\n");
        foreach (var heading in new[] { "## Migrations", "## Timeline", "## Pending migrations and lint", "## Verify", "## Drift", "## Tables" })
        {
            markdown.ShouldContain("\n" + heading + "\n");
        }

        markdown.ShouldContain("**2 applied, 1 pending, 1 interrupted, 1 drifted: checksum changed**");
        markdown.ShouldContain("| 1004 | index\\_orders\\_concurrently | **interrupted**: stopped after 1 of 2 statements; next: strata repair --version 1004 |");
        markdown.ShouldContain("### 1005\\_account\\_plan");
        markdown.ShouldContain("| warning | table-rewrite | 3:1 | observed | ACCESS EXCLUSIVE on public.orders ");
        markdown.ShouldMatch(@"\| 2 \| public\.accounts \| ACCESS EXCLUSIVE \| all reads and writes \| [^|]+ \(rewrite and scan\) \|");
        markdown.ShouldMatch(@"\| 3 \| public\.orders \| ACCESS EXCLUSIVE \| all reads and writes \| [^|]+ \(rewrite and scan\) \|");
        markdown.ShouldContain("❌ migration 1004\\_index\\_orders\\_concurrently failed going up");
        markdown.ShouldContain("## Drift\n\nDid not run: drift cannot be checked while migration 1004\\_index\\_orders\\_concurrently is interrupted");
        markdown.ShouldContain("| public.accounts | id bigint not null, email text not null, created\\_at timestamp with time zone not null, hotfix boolean | 2 | 2 |");
    }

    [Fact]
    public async Task A_migration_still_running_is_reported_running_with_no_repair_and_validate_passes()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        // The second statement waits for an advisory lock the test holds, so the run stays between its statements.
        files.Add(2000, "slow", "-- migrate:up transaction:false\nSELECT 1;\n\nSELECT pg_advisory_lock(4242);\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        await using var gate = await db.DataSource.OpenConnectionAsync();
        await using (var take = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(4242)", gate))
        {
            await take.ExecuteNonQueryAsync();
        }

        var up = cli.RunAsync("up");
        await db.WaitForQueryAsync("SELECT pg_advisory_lock(4242)");
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        var report = await cli.RunAsync("report", "--markdown", "--scratch-url", scratch.Url);
        var validate = await cli.RunAsync("validate");
        await using (var release = new Npgsql.NpgsqlCommand("SELECT pg_advisory_unlock(4242)", gate))
        {
            await release.ExecuteNonQueryAsync();
        }

        (await up).ExitCode.ShouldBe(0);
        report.Stdout.ShouldContain("| 2000 | slow | **running**: 1 of 2 statements done so far; a run holds the migration lock now, most likely still running it (pid ");
        report.Stdout.ShouldNotContain("strata repair");
        validate.ExitCode.ShouldBe(0, validate.ToString());
        validate.Stdout.ShouldContain("migration 2000_slow is running up now (1 of 2 statements done so far): a run holds the migration lock (pid ");
        validate.ToString().ShouldNotContain("repair --version");
    }

    [Fact]
    public async Task Names_from_the_database_cannot_become_markup_in_either_format()
    {
        await using var scenario = await MixedStatesScenario.CreateAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        var cli = new CliHarness(scenario.Root);

        var markdown = await cli.RunAsync("report", "--markdown", "--database-url", scenario.Database.Url, "--scratch-url", scratch.Url);
        var html = await cli.RunAsync("report", "--database-url", scenario.Database.Url, "--scratch-url", scratch.Url);

        markdown.ExitCode.ShouldBe(0, markdown.ToString());
        markdown.Stdout.ShouldNotContain("<script");
        markdown.Stdout.ShouldContain("&lt;script&gt;document.title='injected'&lt;/script&gt;");
        html.ExitCode.ShouldBe(0, html.ToString());
        html.Stdout.ShouldNotContain("<script");
        html.Stdout.ShouldContain("&lt;script&gt;document.title=&#39;injected&#39;&lt;/script&gt;");
    }

    [Fact]
    public async Task The_html_page_is_written_to_the_out_file_and_needs_nothing_from_the_network()
    {
        await using var scenario = await MixedStatesScenario.CreateAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();

        var result = await new CliHarness(scenario.Root).RunAsync(
            "report", "--out", "report.html", "--database-url", scenario.Database.Url, "--scratch-url", scratch.Url);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldBe("wrote report.html: 2 applied, 1 pending, 1 interrupted, 1 drifted: checksum changed\n");
        var page = await File.ReadAllTextAsync(Path.Combine(scenario.Root, "report.html"));
        page.ShouldStartWith("<!DOCTYPE html>");
        foreach (var id in new[] { "summary", "migrations", "timeline", "pending", "verify", "drift", "tables" })
        {
            page.ShouldContain($"id=\"{id}\"");
        }

        page.ShouldContain("<svg role=\"img\" aria-label=\"Duration of each applied migration\"");
        page.ShouldNotContain("http://");
        page.ShouldNotContain("https://");
        page.ShouldNotContain(" src=");
    }

    [Fact]
    public async Task The_password_of_the_database_url_never_reaches_the_report()
    {
        await using var scenario = await MixedStatesScenario.CreateAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        var server = scenario.Database.Server;
        var url = $"postgres://{server.Username}:Sup3rSecretPw@{server.Host}:{server.Port}/{scenario.Database.Name}";

        var result = await new CliHarness(scenario.Root).RunAsync("report", "--markdown", "--database-url", url, "--scratch-url", scratch.Url);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.ToString().ShouldNotContain("Sup3rSecretPw");
        result.Stdout.ShouldContain($"postgres://{server.Username}:********@");
    }

    [Fact]
    public async Task A_report_that_cannot_be_written_is_one_line_of_error()
    {
        await using var scenario = await MixedStatesScenario.CreateAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();

        var result = await new CliHarness(scenario.Root).RunAsync(
            "report", "--out", "no/such/dir/report.html", "--database-url", scenario.Database.Url, "--scratch-url", scratch.Url);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldStartWith("error: --out: no directory ");
        result.Stderr.Trim().Split('\n').ShouldHaveSingleItem();
        result.Stderr.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task An_out_path_that_is_a_directory_is_refused_before_the_database_is_read()
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(root.Path, "report.html"));

        // An unreachable database: the path must be refused first, without trying to connect.
        var result = await new CliHarness(root.Path).RunAsync(
            "report", "--out", "report.html", "--database-url", "postgres://nobody@127.0.0.1:1/postgres");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldBe($"error: --out: cannot write {Path.Combine(root.Path, "report.html")}: it is a directory\n");
        Directory.EnumerateFileSystemEntries(root.Path).ShouldHaveSingleItem();
        Directory.EnumerateFileSystemEntries(Path.Combine(root.Path, "report.html")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_check_that_cannot_run_is_shown_with_its_reason_and_the_report_is_still_written()
    {
        await using var scenario = await MixedStatesScenario.CreateAsync();

        var result = await new CliHarness(scenario.Root).RunAsync(
            "report", "--markdown", "--database-url", scenario.Database.Url, "--scratch-url", "postgres://nobody@127.0.0.1:1/postgres");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("## Verify\n\nDid not run: ");
        result.Stdout.ShouldContain("## Drift\n\nDid not run: ");
        result.Stdout.ShouldContain("| 1005 | account\\_plan | pending |");
    }

    [Fact]
    public async Task With_json_the_result_is_one_report_event()
    {
        await using var scenario = await MixedStatesScenario.CreateAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();

        var result = await new CliHarness(scenario.Root).RunAsync(
            "report", "--json", "--markdown", "--out", "report.md", "--database-url", scenario.Database.Url, "--scratch-url", scratch.Url);

        result.ExitCode.ShouldBe(0, result.ToString());
        var report = DbCli.Event(result, "report");
        report.GetProperty("format").GetString().ShouldBe("markdown");
        report.GetProperty("migrations").GetInt32().ShouldBe(5);
        report.GetProperty("path").GetString().ShouldBe("report.md");
        File.ReadAllText(Path.Combine(scenario.Root, "report.md")).ShouldStartWith("# Strata migration report\n");
    }

    [Theory]
    [InlineData("a|b", "a\\|b")]
    [InlineData("<b>x</b> & `y`", "&lt;b&gt;x&lt;/b&gt; &amp; \\`y\\`")]
    [InlineData("*em* _u_ [l](x)\nnext", "\\*em\\* \\_u\\_ \\[l\\](x) next")]
    public void Markdown_text_is_escaped_to_literal_text(string text, string expected) =>
        MarkdownText.E(text).ShouldBe(expected);
}

using System.Text.Json;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class PhaseCommandTests
{
    [Fact]
    public async Task Up_phase_pre_then_post_applies_each_phase_and_status_shows_the_phase()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "products", "-- migrate:up\nCREATE TABLE products (id int, name text);\n-- migrate:down\nDROP TABLE products;\n");
        files.Add(2, "drop_name", "-- migrate:up phase:post\nALTER TABLE products DROP COLUMN name;\n-- migrate:down\nALTER TABLE products ADD COLUMN name text;\n");
        files.Add(3, "sku", "-- migrate:up\nALTER TABLE products ADD COLUMN sku text;\n-- migrate:down\nALTER TABLE products DROP COLUMN sku;\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var pre = await cli.RunAsync("up", "--phase", "pre");
        var between = await cli.RunAsync("status", "--json");
        var post = await cli.RunAsync("up", "--phase", "post");
        var after = await cli.RunAsync("status");

        pre.ExitCode.ShouldBe(0, pre.ToString());
        between.ExitCode.ShouldBe(0, between.ToString());
        var migrations = JsonDocument.Parse(between.Stdout.Trim().Split('\n')[^1]).RootElement.GetProperty("migrations").EnumerateArray()
            .Select(m => $"{m.GetProperty("version").GetString()}:{m.GetProperty("state").GetString()}:{m.GetProperty("phase").GetString()}")
            .ToList();
        migrations.ShouldBe(["1:applied:pre", "2:pending:post", "3:applied:pre"]);
        post.ExitCode.ShouldBe(0, post.ToString());
        after.Stdout.ShouldContain("PHASE");
        after.Stdout.ShouldContain("post");
    }

    [Fact]
    public async Task Up_with_nothing_within_its_phase_or_target_says_what_stays_pending_rather_than_up_to_date()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "products", "-- migrate:up\nCREATE TABLE products (id int);\n");
        files.Add(2, "cleanup", "-- migrate:up phase:post\nSELECT 1;\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up", "--phase", "pre")).ExitCode.ShouldBe(0);

        var pre = await cli.RunAsync("up", "--phase", "pre");
        var to = await cli.RunAsync("up", "--to", "1");
        var all = await cli.RunAsync("up");
        var done = await cli.RunAsync("up");

        pre.ExitCode.ShouldBe(0, pre.ToString());
        pre.Stdout.ShouldBe("nothing to apply within the target or phase: 1 migration stays pending beyond it\n");
        to.Stdout.ShouldBe("nothing to apply within the target or phase: 1 migration stays pending beyond it\n");
        all.Stdout.ShouldContain("applied 1 migration");
        done.Stdout.ShouldBe("nothing to apply: the database is up to date\n");
    }

    [Fact]
    public async Task Up_phase_post_with_an_older_pre_deploy_migration_pending_is_refused_with_the_command_that_fixes_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "products", "-- migrate:up\nCREATE TABLE products (id int);\n");
        files.Add(2, "cleanup", "-- migrate:up phase:post\nSELECT 1;\n");

        var result = await new CliHarness(files.Root).With("DATABASE_URL", db.Url).RunAsync("up", "--phase", "post");

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stderr.ShouldContain("pre-deploy migration 1_products is still pending");
        result.Stderr.ShouldContain("next: strata up --phase pre");
    }

    [Fact]
    public async Task An_unknown_phase_is_a_usage_error()
    {
        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).RunAsync("up", "--phase", "later", "-u", "postgres://a@127.0.0.1/a");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("error: --phase 'later' is not a phase: give pre (before the deploy) or post (after it)");
    }
}

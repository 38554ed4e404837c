using System.Text.Json.Nodes;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Output;

public sealed class BackfillOutputTests
{
    private static MigrationFiles Backfill()
    {
        var files = new MigrationFiles();
        files.Add(1, "t", "-- migrate:up\nCREATE TABLE t (id bigint PRIMARY KEY, v bigint);\nINSERT INTO t SELECT g, 0 FROM generate_series(1, 3000) g;\n");
        files.Add(2, "backfill", "-- migrate:up transaction:false\n-- strata:batch size=1000\nUPDATE t SET v = id;\n");
        return files;
    }

    [Fact]
    public async Task Json_output_carries_backfill_progress_events_that_conform_to_the_schema()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = Backfill();

        var result = await new CliHarness(files.Root).With("DATABASE_URL", db.Url).RunAsync("up", "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var events = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        var progress = events.First(e => (string?)e["event"] == "BackfillProgress");
        ((long)progress["rowsDone"]!, (long)progress["rowsTotal"]!, (string?)progress["table"]).ShouldBe((1000L, 3000L, "public.t"));
        var schema = JsonSchemaSubset.Load(Repository.PathTo("docs", "schemas", "strata-events.schema.json"));
        foreach (var json in events)
        {
            schema.Check(json).ShouldBeEmpty(json.ToJsonString());
        }

        schema.Check(JsonNode.Parse("""{"time":"t","level":"info","event":"BackfillProgress","message":"m","eventId":1362}""")).ShouldContain("$: missing rowsDone");
    }

    [Fact]
    public async Task Quiet_prints_no_backfill_progress()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = Backfill();

        var result = await new CliHarness(files.Root).With("DATABASE_URL", db.Url).RunAsync("up", "--quiet");

        result.ExitCode.ShouldBe(0, result.ToString());
        // The lint's warnings still show under --quiet; progress does not.
        result.Stderr.ShouldNotContain("Migration 2_backfill");
        result.Stderr.ShouldNotContain("backfill of public.t");
    }

    [Fact]
    public async Task Piped_stderr_gets_plain_progress_lines()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = Backfill();

        var result = await new CliHarness(files.Root).With("DATABASE_URL", db.Url).RunAsync("up");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("Migration 2_backfill: backfilling public.t by id in batches of 1000 keys (about 3000 rows)\n");
        result.Stderr.ShouldContain("Migration 2_backfill: backfill of public.t: 1000 of about 3000 rows (33%), 1000 changed, ");
        result.Stderr.ShouldContain("Migration 2_backfill: backfill of public.t done: 3000 rows in 3 batches, 3000 changed\n");
        result.Stderr.ShouldNotContain("\r");
    }
}

using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands.Report;

public sealed class ReportBackfillTests
{
    // A batched backfill that stopped part-way is resumed by the next up; repair is the step for other interruptions.
    [Fact]
    public async Task A_backfill_stopped_part_way_is_reported_with_up_as_its_next_step()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        var cli = new CliHarness().With("DATABASE_URL", db.Url);
        var migrations = Path.Combine(cli.WorkingDirectory, "db", "migrations");
        Directory.CreateDirectory(migrations);
        await File.WriteAllTextAsync(
            Path.Combine(migrations, "1_notes.sql"),
            "-- migrate:up\nCREATE TABLE notes (id bigint PRIMARY KEY, n int);\nINSERT INTO notes (id) SELECT generate_series(1, 5);\n-- migrate:down\nDROP TABLE notes;\n");
        await File.WriteAllTextAsync(
            Path.Combine(migrations, "2_fill.sql"),
            "-- migrate:up transaction:false\n-- strata:batch size=1 pause=0\nUPDATE notes SET n = 10 / (id - 3) WHERE n IS NULL;\n-- migrate:down\nSELECT 1;\n");
        (await cli.RunAsync("up")).ExitCode.ShouldBe(1);

        var report = await cli.RunAsync("report", "--markdown", "--scratch-url", scratch.Url);

        report.ExitCode.ShouldBe(0, report.ToString());
        report.Stdout.ShouldContain("| 2 | fill | **interrupted**: stopped after 0 of 1 statements; next: strata up |");
    }
}

using System.Text.Json.Nodes;
using Npgsql;
using Strata.Cli.Output;
using Strata.Cli.Tests.Support;
using Strata.Core.Errors;
using Strata.Testing;

namespace Strata.Cli.Tests.Output;

public sealed class ErrorEventLocationTests
{
    [Fact]
    public async Task A_lock_not_acquired_event_names_the_migration_and_the_statement_that_waited()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "t", "-- migrate:up\nCREATE TABLE t (id int);\n");
        files.Add(2, "alter", "-- migrate:up\nSELECT 1;\nALTER TABLE t ADD COLUMN c int;\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up", "--steps", "1")).ExitCode.ShouldBe(0);
        await using var holder = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("LOCK TABLE t IN ACCESS EXCLUSIVE MODE", holder, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        var result = await cli.RunAsync("up", "--json", "--lock-timeout", "50ms", "--lock-retries", "2");

        result.ExitCode.ShouldBe(4, result.ToString());
        var error = LastEvent(result);
        ((string?)error["code"]).ShouldBe("lock-not-acquired");
        ((string?)error["migration"]).ShouldBe("2");
        ((string?)error["file"]).ShouldEndWith("2_alter.sql");
        ((int?)error["line"]).ShouldBe(3);
        ((int?)error["column"]).ShouldBe(1);
        ((string?)error["sqlstate"]).ShouldBe("55P03");
        ((string?)error["statement"]).ShouldBe("ALTER TABLE t ADD COLUMN c int;");
    }

    [Fact]
    public async Task A_verify_whose_migration_fails_keeps_the_migrations_place_in_its_error_event()
    {
        using var files = new MigrationFiles();
        files.Add(1002, "u", "-- migrate:up\nCREATE TABLE u (id int);\nINSERT INTO u SELECT x FROM nope;\n-- migrate:down\nDROP TABLE u;\n");
        await using var scratch = await TestPostgres.CreateDatabaseAsync();

        var result = await new CliHarness(files.Root).With("DATABASE_URL", scratch.Url).RunAsync("verify", "--json", "--scratch-url", scratch.Url);

        result.ExitCode.ShouldBe(5, result.ToString());
        var error = LastEvent(result);
        ((string?)error["code"]).ShouldBe("validation-failed");
        ((string?)error["migration"]).ShouldBe("1002");
        ((string?)error["file"]).ShouldEndWith("1002_u.sql");
        ((int?)error["line"]).ShouldBe(3);
        ((int?)error["column"]).ShouldBe(29);
        ((string?)error["sqlstate"]).ShouldBe("42P01");
        ((string?)error["statement"]).ShouldBe("INSERT INTO u SELECT x FROM nope;");
    }

    [Fact]
    public async Task A_server_refusal_the_message_quotes_sets_the_sqlstate_field()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using (var command = db.DataSource.CreateCommand($"ALTER DATABASE \"{db.Name}\" SET default_transaction_read_only = on"))
        {
            await command.ExecuteNonQueryAsync();
        }

        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).With("DATABASE_URL", db.Url).RunAsync("up", "--json");

        result.ExitCode.ShouldNotBe(0, result.ToString());
        var error = LastEvent(result);
        ((string?)error["message"])!.ShouldContain("25006");
        ((string?)error["sqlstate"]).ShouldBe("25006");
    }

    [Fact]
    public void A_connection_lost_during_a_migration_names_the_migration_and_the_servers_sqlstate()
    {
        var shutdown = new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01");
        var lost = new ConnectionFailedException("Lost the connection to the database while running migration 1_sleep (57P01 ...)", shutdown)
        {
            Version = "1",
        };

        var report = ErrorReport.From(lost, 3, null);

        report.Migration.ShouldBe("1");
        report.SqlState.ShouldBe("57P01");
    }

    [Fact]
    public async Task A_failing_seed_puts_its_statement_with_the_password_masked_in_the_error_event_and_the_step_summary()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        var seeds = Path.Combine(files.Root, "db", "seeds");
        Directory.CreateDirectory(seeds);
        File.WriteAllText(Path.Combine(seeds, "1.sql"), "SELECT 1;\nCREATE ROLE seeded LOGIN PASSWORD 'Tr0ub4dor&3' NO_SUCH_OPTION;\n");
        var summary = Path.Combine(files.Root, "summary.md");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url).With("GITHUB_STEP_SUMMARY", summary);

        var json = await cli.RunAsync("db", "seed", "--json");
        var github = await cli.RunAsync("db", "seed", "--format", "github");

        json.ExitCode.ShouldBe(1, json.ToString());
        var error = LastEvent(json);
        ((string?)error["code"]).ShouldBe("script-failed");
        ((string?)error["statement"]).ShouldBe("CREATE ROLE seeded LOGIN PASSWORD '********' NO_SUCH_OPTION;");
        github.ExitCode.ShouldBe(1, github.ToString());
        var written = File.ReadAllText(summary);
        written.ShouldContain("Failing statement");
        written.ShouldContain("PASSWORD '********' NO_SUCH_OPTION;");
        (json.AllOutput + github.AllOutput + written).ShouldNotContain("Tr0ub4dor");
    }

    private static JsonObject LastEvent(CliResult result) =>
        JsonNode.Parse(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1])!.AsObject();
}

using Npgsql;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class UpLintSingleReadTests
{
    [Fact]
    public async Task Up_with_the_lint_on_reads_the_history_table_once_as_the_server_counts_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(3);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url).With("STRATA_LINT_ON_UP", "warn");
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        files.Add(1005, "rename", "-- migrate:up\nALTER TABLE t0 RENAME COLUMN name TO title;\n");
        await using var counter = new NpgsqlConnection(db.ConnectionString + ";Pooling=false");
        await counter.OpenAsync();
        var before = await HistoryScansAsync(counter);

        var result = await cli.RunAsync("up");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("renaming-column", customMessage: "the lint ran on the pending migration");
        (await HistoryScansAsync(counter) - before).ShouldBe(1, "one read of the history table serves the lint and the run");
    }

    // Every scan of the history table (sequential or by index) that the server has counted, once every other backend of
    // this database has exited: a backend flushes its counters before it leaves pg_stat_activity.
    private static async Task<long> HistoryScansAsync(NpgsqlConnection connection)
    {
        for (var attempt = 0; attempt < 200 && await ScalarAsync(connection, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()") > 0; attempt++)
        {
            await Task.Delay(50);
        }

        await ScalarAsync(connection, "SELECT count(*) FROM (SELECT pg_stat_clear_snapshot()) s");
        return await ScalarAsync(
            connection,
            "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE relid = 'public.strata_schema_migrations'::regclass");
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

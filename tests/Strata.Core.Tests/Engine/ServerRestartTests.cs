using Npgsql;
using Strata.Core.Errors;
using Strata.Core.Tests.Local;
using Strata.Testing;

namespace Strata.Core.Tests.Engine;

public sealed class ServerRestartTests
{
    [Fact]
    public async Task A_server_restart_mid_run_is_a_connection_failure_with_consistent_history_and_a_rerun_completes()
    {
        await using var scope = new ClusterScope();
        var cluster = scope.NewCluster();
        var endpoint = await cluster.EnsureStartedAsync(CancellationToken.None);
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = endpoint.Host,
            Port = endpoint.Port,
            Username = endpoint.Username,
            Database = "postgres",
        }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var source = new TestMigrationSource()
            .Add("1_flag.sql", "-- migrate:up\nCREATE TABLE sleep_flag (id int);\n")
            .Add("2_later.sql", "-- migrate:up\nCREATE TABLE later (id int);\n" +
                "DO $$ BEGIN IF to_regclass('public.sleep_flag') IS NOT NULL THEN PERFORM pg_sleep(60); END IF; END $$;\n");
        var migrator = new Migrator(dataSource, source, EngineTestKit.FastOptions);

        var run = migrator.UpAsync();
        await dataSource.WaitForQueryAsync("pg_sleep(60)");
        await cluster.StopAsync(CancellationToken.None);

        var error = await Should.ThrowAsync<ConnectionFailedException>(() => run);
        error.Message.ShouldContain("while running migration 2_later");
        await cluster.EnsureStartedAsync(CancellationToken.None);
        (await migrator.StatusAsync()).CurrentVersion!.Value.Value.ShouldBe("1");
        await using (var drop = dataSource.CreateCommand("DROP TABLE sleep_flag"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        (await migrator.UpAsync()).Migrations.Single().Version.Value.ShouldBe("2");
    }
}

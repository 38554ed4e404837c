using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Strata.AspNetCore.Tests.Support;
using Strata.Testing;

namespace Strata.AspNetCore.Tests;

// The server is the oracle: pg_backend_pid() says which session ran a command, pg_prepared_statements what it prepared.
public sealed class PoolMultiplexingTests
{
    [Fact]
    public async Task Multiplexing_gives_the_app_a_shared_session_pool_and_migrates_through_a_plain_one_beside_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["DATABASE_URL"] = db.Url,
                ["Strata:MigrateOnStart"] = "true",
                // One physical connection: two commands in flight at once share it only when multiplexed.
                ["Strata:Pool:MaxSize"] = "1",
                ["Strata:Pool:Multiplexing"] = "true",
                ["Strata:Pool:MaxAutoPrepare"] = "10",
            },
            options => options.UseEmbeddedMigrations(typeof(PoolMultiplexingTests).Assembly, "testapp/migrations"));

        var database = host.Get<StrataDatabase>();
        var app = host.Get<NpgsqlDataSource>();
        database.DataSource.ShouldBeSameAs(app);
        database.EngineDataSource.ShouldNotBeSameAs(app);
        new NpgsqlConnectionStringBuilder(app.ConnectionString).Multiplexing.ShouldBeTrue();
        new NpgsqlConnectionStringBuilder(database.EngineDataSource.ConnectionString).Multiplexing.ShouldBeFalse();
        new NpgsqlConnectionStringBuilder(database.EngineDataSource.ConnectionString).MaxAutoPrepare.ShouldBe(0);

        await using (var history = db.DataSource.CreateCommand("SELECT string_agg(version::text, ',' ORDER BY version) FROM public.strata_schema_migrations"))
        {
            (await history.ExecuteScalarAsync()).ShouldBe("1,2");
        }

        // Two connections open at once, one physical connection: the same server session answers both.
        await using var first = await app.OpenConnectionAsync();
        await using var second = await app.OpenConnectionAsync();
        var pids = await Task.WhenAll(BackendPidAsync(first), BackendPidAsync(second));
        pids[1].ShouldBe(pids[0]);

        // A statement run often enough is prepared on that session without the app preparing it.
        const string statement = "SELECT count(*) FROM notes WHERE id > $1";
        for (var i = 0; i < 6; i++)
        {
            await using var often = app.CreateCommand(statement);
            often.Parameters.Add(new NpgsqlParameter<long> { TypedValue = i });
            await often.ExecuteScalarAsync();
        }

        await using var prepared = app.CreateCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement = $1");
        prepared.Parameters.Add(new NpgsqlParameter<string> { TypedValue = statement });
        (await prepared.ExecuteScalarAsync()).ShouldBe(1L);
        (await HealthBody.GetAsync(host.Client, "/health/ready")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        host.Logs.AllText().ShouldContain("commands multiplexed, up to 10 statements prepared automatically per connection");
    }

    [Fact]
    public async Task Without_multiplexing_or_automatic_preparation_the_app_and_Strata_share_one_pool()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url, ["Strata:Pool:MaxAutoPrepare"] = "0" });

        var database = host.Get<StrataDatabase>();
        database.EngineDataSource.ShouldBeSameAs(database.DataSource);
        new NpgsqlConnectionStringBuilder(database.DataSource.ConnectionString).Multiplexing.ShouldBeFalse();
        host.Logs.AllText().ShouldContain("one command at a time per connection;");
    }

    [Fact]
    public async Task A_multiplexed_data_source_the_app_registered_itself_is_refused_at_start()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var appDataSource = new NpgsqlDataSourceBuilder(db.ConnectionString + ";Multiplexing=true").Build();
        await using var host = TestHost.Create(
            new Dictionary<string, string?> { ["Strata:MigrateOnStart"] = "true" },
            options => options.UseEmbeddedMigrations(typeof(PoolMultiplexingTests).Assembly, "testapp/migrations"),
            services: services => services.AddSingleton(appDataSource));

        await Should.ThrowAsync<Exception>(host.StartAsync);

        host.Logs.AllText().ShouldContain("multiplexing, which migrations cannot run over");
        host.ExitCode.ShouldBe(2);
        await using var tables = db.DataSource.CreateCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
        (await tables.ExecuteScalarAsync()).ShouldBe(0L);
    }

    [Fact]
    public async Task A_shared_pool_of_one_connection_with_migrate_on_start_is_refused_at_once()
    {
        // The migration lock holds one connection while the migrations run on another: a pool of one would wait for
        // the pool's timeout and fail.
        await using var host = TestHost.Create(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = "postgres://app@127.0.0.1/app",
            ["Strata:MigrateOnStart"] = "true",
            ["Strata:Pool:MaxSize"] = "1",
        });

        var error = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(host.StartAsync);

        error.Message.ShouldContain("Strata:Pool:MaxSize must be at least 2 with Strata:MigrateOnStart, not 1");
        host.ExitCode.ShouldBe(2);
    }

    private static async Task<int> BackendPidAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid() FROM pg_sleep(0.2)", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}

using Npgsql;
using Strata.Core.Lifecycle;
using Strata.Core.Tests.Connections;
using Strata.Core.Tests.Engine;
using Strata.Core.Tests.Local;
using Strata.Testing;

namespace Strata.Core.Tests.Lifecycle;

public sealed class LocalAndMaintenanceTests
{
    [Fact]
    public async Task Dropping_the_local_default_database_does_not_create_it_first()
    {
        await using var observer = await TestPostgres.CreateDatabaseAsync();
        var name = observer.Name + "_local";
        using var directory = new TempDirectory();
        directory.Write("strata.json", $$"""{ "localDatabase": "{{name}}" }""");
        var connection = await Resolve.WithAsync(directory);
        var local = new FixtureLocalServer(observer.Server);
        var lifecycle = new DatabaseLifecycle(connection, new DatabaseLifecycleOptions { LocalServer = local });

        var dropped = await lifecycle.DropAsync();
        var created = await lifecycle.CreateAsync();
        var droppedAgain = await lifecycle.DropAsync();

        connection.IsLocalDefault.ShouldBeTrue();
        dropped.Dropped.ShouldBeFalse();
        created.Created.ShouldBeTrue();
        droppedAgain.Dropped.ShouldBeTrue();
        local.Calls.ShouldBe(3);
        (await LifecycleKit.DatabaseExistsAsync(observer, name)).ShouldBeFalse();
    }

    [Fact]
    public async Task Uses_template1_when_the_server_has_no_postgres_database()
    {
        await using var scope = new ClusterScope();
        var endpoint = await scope.NewCluster().EnsureStartedAsync(CancellationToken.None);
        await using (var admin = new NpgsqlConnection($"Host={endpoint.Host};Port={endpoint.Port};Username={endpoint.Username};Database=template1;Pooling=false"))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP DATABASE postgres", admin);
            await drop.ExecuteNonQueryAsync();
        }

        var logger = new TestLogger();
        var lifecycle = await LifecycleKit.ForUrlAsync($"postgres://{endpoint.Username}@127.0.0.1:{endpoint.Port}/app", logger);

        (await lifecycle.CreateAsync()).Created.ShouldBeTrue();
        (await lifecycle.DropAsync()).Dropped.ShouldBeTrue();
        logger.WithEvent(1500).ShouldNotBeEmpty();
    }
}

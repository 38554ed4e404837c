using Npgsql;
using Strata.Testing;

namespace Strata.Core.Tests.Fixture;

public sealed class TestPostgresTests
{
    [Fact]
    public async Task Two_databases_are_distinct_and_start_empty()
    {
        await using var first = await TestPostgres.CreateDatabaseAsync();
        await using var second = await TestPostgres.CreateDatabaseAsync();

        first.Name.ShouldNotBe(second.Name);
        await ExecuteAsync(first, "CREATE TABLE only_in_first (id int)");

        (await CountUserTablesAsync(first)).ShouldBe(1);
        (await CountUserTablesAsync(second)).ShouldBe(0);
        (await ScalarAsync<string>(second, "SELECT current_database()")).ShouldBe(second.Name);
    }

    [Fact]
    public async Task Twenty_databases_can_be_created_in_parallel()
    {
        var databases = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => TestPostgres.CreateDatabaseAsync()));
        try
        {
            databases.Select(db => db.Name).Distinct().Count().ShouldBe(20);
            var names = await Task.WhenAll(databases.Select(db => ScalarAsync<string>(db, "SELECT current_database()")));
            names.ShouldBe(databases.Select(db => db.Name), ignoreOrder: false);
        }
        finally
        {
            foreach (var database in databases)
            {
                await database.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_disposed_database_is_dropped()
    {
        var server = await TestPostgres.ServerAsync();
        string name;
        await using (var database = await TestPostgres.CreateDatabaseAsync())
        {
            name = database.Name;
        }

        await using var admin = NpgsqlDataSource.Create(server.ConnectionStringFor("postgres"));
        await using var command = admin.CreateCommand("SELECT count(*) FROM pg_database WHERE datname = $1");
        command.Parameters.AddWithValue(name);
        ((long)(await command.ExecuteScalarAsync())!).ShouldBe(0);
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountUserTablesAsync(TestDatabase database) =>
        await ScalarAsync<long>(database, "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')");

    private static async Task<T> ScalarAsync<T>(TestDatabase database, string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

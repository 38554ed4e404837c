using Npgsql;

namespace Strata.Testing;

/// <summary>What the test database's backends are doing, asked of <c>pg_stat_activity</c>.</summary>
public static class ServerActivity
{
    /// <summary>Waits until a backend of the database is running a query that contains <paramref name="fragment"/>.</summary>
    public static Task<int> WaitForQueryAsync(this TestDatabase db, string fragment) => db.DataSource.WaitForQueryAsync(fragment);

    /// <summary>Waits until a backend of the data source's database is running a query that contains <paramref name="fragment"/>; returns its pid.</summary>
    public static async Task<int> WaitForQueryAsync(this NpgsqlDataSource dataSource, string fragment)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var connection = await dataSource.OpenConnectionAsync(timeout.Token);
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE $1 AND pid <> pg_backend_pid() LIMIT 1",
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = "%" + fragment + "%" });
            if (await command.ExecuteScalarAsync(timeout.Token) is int pid)
            {
                return pid;
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}

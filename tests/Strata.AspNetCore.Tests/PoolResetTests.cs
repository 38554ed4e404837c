using Npgsql;
using Strata.AspNetCore.Tests.Support;
using Strata.Testing;

namespace Strata.AspNetCore.Tests;

public sealed class PoolResetTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("true", "")]
    [InlineData("false", "kept")]
    public async Task ResetOnClose_decides_whether_session_state_survives_a_return_to_the_pool(string? reset, string expected)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = db.Url,
            // One connection, so the second open gets the same server session back.
            ["Strata:Pool:MaxSize"] = "1",
            ["Strata:Pool:ResetOnClose"] = reset,
        });
        var dataSource = host.Get<NpgsqlDataSource>();
        int firstPid;
        await using (var first = await dataSource.OpenConnectionAsync())
        {
            await using var set = new NpgsqlCommand("SET application.marker = 'kept'; SELECT pg_backend_pid()", first);
            firstPid = (int)(await set.ExecuteScalarAsync())!;
        }

        await using var second = await dataSource.OpenConnectionAsync();
        await using var read = new NpgsqlCommand("SELECT pg_backend_pid(), coalesce(current_setting('application.marker', true), '')", second);
        await using var reader = await read.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetInt32(0).ShouldBe(firstPid);
        reader.GetString(1).ShouldBe(expected);
    }
}

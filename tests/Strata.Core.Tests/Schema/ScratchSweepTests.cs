using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using Strata.Core.Connections;
using Strata.Core.Schema;
using Strata.Core.Tests.Connections;
using Strata.Testing;

namespace Strata.Core.Tests.Schema;

/// <summary>
/// A run killed before its clean-up leaves its scratch database behind; the next run on that server drops it, and
/// nothing that may still be in use.
/// </summary>
public sealed class ScratchSweepTests
{
    [Fact]
    public async Task A_scratch_database_a_killed_run_left_is_dropped_by_the_next_run_and_nothing_in_use_is()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var now = DateTime.UtcNow;
        var left = Name(now.AddDays(-2));
        var connected = Name(now.AddDays(-3));
        var recent = Name(now.AddHours(-1));
        var older = $"strata_scratch_{Environment.ProcessId}_{Hex()}";
        var names = new[] { left, connected, recent, older };
        await using var admin = new NpgsqlConnection(db.Server.ConnectionStringFor("postgres"));
        await admin.OpenAsync();
        foreach (var name in names)
        {
            await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        }

        try
        {
            await using (var user = new NpgsqlConnection(db.Server.ConnectionStringFor(connected)))
            {
                await user.OpenAsync();
                var scratch = await ScratchServer.OpenAsync(db.Server.UrlFor("postgres"), new FixtureLocalServer(db.Server), Request(), null, null, CancellationToken.None);

                await using var created = await scratch.CreateDatabaseAsync(CancellationToken.None);

                ScratchNames.CreatedAt(created.Name)!.Value.ShouldBe(DateTime.UtcNow, TimeSpan.FromMinutes(5));
                (await ExistingAsync(admin, [.. names, created.Name])).ShouldBe([connected, recent, older, created.Name], ignoreOrder: true);
            }
        }
        finally
        {
            foreach (var name in names)
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }
    }

    [Fact]
    public void A_name_carries_the_time_its_database_was_created_and_other_names_carry_none()
    {
        var created = new DateTime(2026, 12, 6, 7, 30, 15, DateTimeKind.Utc);

        var name = ScratchNames.New(created);

        name.ShouldStartWith($"strata_scratch_20261206073015_{Environment.ProcessId}_");
        ScratchNames.CreatedAt(name).ShouldBe(created);
        ScratchNames.CreatedAt($"strata_scratch_{Environment.ProcessId}_0badcafe").ShouldBeNull();
        ScratchNames.CreatedAt("strata_scratch_20261306073015_1_0badcafe").ShouldBeNull();
        ScratchNames.CreatedAt("app_production").ShouldBeNull();
    }

    private static string Name(DateTime created) =>
        $"strata_scratch_{created.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}_{Environment.ProcessId}_{Hex()}";

    private static string Hex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    private static ConnectionRequest Request() => new() { Environment = new Dictionary<string, string>(), WorkingDirectory = Path.GetTempPath() };

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ExistingAsync(NpgsqlConnection connection, string[] names)
    {
        await using var command = new NpgsqlCommand("SELECT datname::text FROM pg_database WHERE datname = ANY($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = names });
        var found = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }
}

using Npgsql;

namespace Strata.Scenarios.Support;

/// <summary>
/// An advisory lock the scenario holds, and a migration that waits for it: a way to keep a run inside a migration,
/// holding Strata's migration lock, until the scenario lets it go. No timing is involved.
/// </summary>
public sealed class LockGate : IAsyncDisposable
{
    private const long Key = 7_400_001;
    private static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(1);
    private readonly Scene _scene;
    private NpgsqlConnection? _holder;

    private LockGate(Scene scene, NpgsqlConnection holder)
    {
        _scene = scene;
        _holder = holder;
    }

    /// <summary>A migration that waits at the gate; it has no lock_timeout, so it never gives up by itself.</summary>
    public static (string Name, string Sql) Migration(int n) =>
        ($"{n}_wait_at_gate.sql", $"-- migrate:up lock_timeout:0\nSELECT pg_advisory_xact_lock({Key});\n-- migrate:down\nSELECT 1;\n");

    public static async Task<LockGate> CloseAsync(Scene scene)
    {
        var holder = await scene.Database.DataSource.OpenConnectionAsync();
        await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", holder);
        await take.ExecuteNonQueryAsync();
        return new LockGate(scene, holder);
    }

    /// <summary>Returns once a session of the scene's database waits at the gate; fails after a minute.</summary>
    public async Task WaitUntilSomeoneWaitsAsync()
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (!await _scene.ScalarAsync<bool>(
            $"SELECT count(*) > 0 FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = current_database() AND l.locktype = 'advisory' AND NOT l.granted AND l.objid = {Key}"))
        {
            await Task.Delay(50, limit.Token);
        }
    }

    public async Task OpenAsync()
    {
        if (_holder is { } holder)
        {
            _holder = null;
            // Unlocked explicitly: disposing only returns the connection to the pool, where the lock would live on.
            await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", holder))
            {
                await release.ExecuteNonQueryAsync();
            }

            await holder.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(OpenAsync());
}

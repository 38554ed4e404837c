using Npgsql;
using Strata.Testing;

namespace Strata.AspNetCore.Tests.Support;

/// <summary>
/// A session advisory lock the test holds, so that a migration doing <c>SELECT pg_advisory_xact_lock(key)</c> blocks
/// until the test opens the gate: a way to hold an app's start at a known point without timing.
/// </summary>
public sealed class AdvisoryGate : IAsyncDisposable
{
    private readonly TestDatabase _db;
    private readonly NpgsqlConnection _holder;
    private bool _open;

    private AdvisoryGate(TestDatabase db, NpgsqlConnection holder, long key)
    {
        _db = db;
        _holder = holder;
        Key = key;
    }

    public long Key { get; }

    /// <summary>A migration that waits at the gate, with no lock_timeout so it never gives up by itself.</summary>
    public string Migration => $"-- migrate:up lock_timeout:0\nSELECT pg_advisory_xact_lock({Key});\n";

    public static async Task<AdvisoryGate> CloseAsync(TestDatabase db, long key)
    {
        var holder = await db.DataSource.OpenConnectionAsync();
        await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({key})", holder);
        await take.ExecuteNonQueryAsync();
        return new AdvisoryGate(db, holder, key);
    }

    /// <summary>Returns once some session waits for the gate (polls pg_locks; gives up after a minute).</summary>
    public async Task WaitUntilSomeoneWaitsAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            await using var command = _db.DataSource.CreateCommand(
                $"SELECT count(*) > 0 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = {Key}");
            if ((bool)(await command.ExecuteScalarAsync(timeout.Token))!)
            {
                return;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    public async Task OpenAsync()
    {
        await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", _holder);
        await release.ExecuteNonQueryAsync();
        _open = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_open)
        {
            await OpenAsync();
        }

        await _holder.DisposeAsync();
    }
}

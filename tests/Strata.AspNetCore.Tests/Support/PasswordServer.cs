using Npgsql;
using Strata.Core.Local;
using Strata.Testing;

namespace Strata.AspNetCore.Tests.Support;

/// <summary>
/// A PostgreSQL of its own that checks passwords on 127.0.0.1 (scram-sha-256), for tests of password rotation: the
/// shared test server trusts loopback, so it would accept any password. The superuser connects over the Unix socket.
/// </summary>
public sealed class PasswordServer : IAsyncDisposable
{
    private readonly TestDirectory _directory;
    private readonly LocalCluster _cluster;
    private readonly NpgsqlDataSource _admin;

    private PasswordServer(TestDirectory directory, LocalCluster cluster, LocalServerEndpoint endpoint)
    {
        _directory = directory;
        _cluster = cluster;
        Port = endpoint.Port;
        _admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder
        {
            Host = endpoint.SocketDirectory,
            Port = endpoint.Port,
            Username = endpoint.Username,
            Database = "postgres",
            Pooling = false,
        }.ConnectionString);
    }

    public int Port { get; }

    public static async Task<PasswordServer> StartAsync()
    {
        var directory = TestDirectory.Create();
        var cluster = new LocalCluster(new LocalClusterOptions
        {
            Directory = directory.Combine("postgres"),
            Environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal),
            NoSync = true,
            FsyncOff = true,
        });
        var server = new PasswordServer(directory, cluster, await cluster.EnsureStartedAsync(CancellationToken.None));
        await server.RequirePasswordsAsync();
        return server;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = _admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _admin.DisposeAsync();
        await _cluster.StopAsync(CancellationToken.None);
        _directory.Dispose();
    }

    private async Task RequirePasswordsAsync()
    {
        await using (var hba = _admin.CreateCommand("SHOW hba_file"))
        {
            var path = (string)(await hba.ExecuteScalarAsync())!;
            await File.WriteAllTextAsync(path, "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n");
        }

        await ExecuteAsync("SELECT pg_reload_conf()");

        // The reload is a signal: wait (a minute at most) until a login over TCP without a password is refused.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            try
            {
                await using var probe = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=nobody_at_all;Database=postgres;Pooling=false");
                await probe.OpenAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is NpgsqlException && !timeout.IsCancellationRequested)
            {
                if (ex is not PostgresException { SqlState: "28000" })
                {
                    return;
                }
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}

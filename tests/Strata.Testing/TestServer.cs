using Npgsql;

namespace Strata.Testing;

/// <summary>
/// The PostgreSQL server of a test run: one per run, shared by every test, each test getting its own database
/// cloned from an empty template.
/// </summary>
public sealed class TestServer
{
    // Per process, so several test runs can share one external server (STRATA_TEST_DATABASE_URL) at once.
    private static readonly string TemplateName = $"strata_test_template_{Environment.ProcessId}";
    private readonly NpgsqlConnectionStringBuilder _admin;
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private int _counter;

    internal TestServer(string adminConnectionString)
    {
        _admin = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false };
    }

    /// <summary>The server's host as clients should use it.</summary>
    public string Host => _admin.Host!;

    /// <summary>The server's TCP port.</summary>
    public int Port => _admin.Port;

    /// <summary>The role tests connect as.</summary>
    public string Username => _admin.Username!;

    /// <summary>Creates an empty database from the run's template.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = $"strata_t{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        // CREATE DATABASE ... TEMPLATE fails when another session is using the template, so creations are serialized.
        await _createGate.WaitAsync(cancellationToken);
        try
        {
            await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"", cancellationToken);
        }
        finally
        {
            _createGate.Release();
        }

        return new TestDatabase(this, name);
    }

    /// <summary>A keyword connection string for <paramref name="database"/>.</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_admin.ConnectionString) { Database = database, Pooling = true }.ConnectionString;

    /// <summary>A postgres:// URL for <paramref name="database"/>.</summary>
    public string UrlFor(string database)
    {
        var user = Uri.EscapeDataString(Username);
        var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        var password = string.IsNullOrEmpty(_admin.Password) ? string.Empty : ":" + Uri.EscapeDataString(_admin.Password);
        return $"postgres://{user}{password}@{host}:{Port}/{Uri.EscapeDataString(database)}";
    }

    internal async Task PrepareTemplateAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{TemplateName}\"", cancellationToken);
        await ExecuteAsync($"CREATE DATABASE \"{TemplateName}\" TEMPLATE template0", cancellationToken);
    }

    internal async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

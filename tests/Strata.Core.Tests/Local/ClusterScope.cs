using Npgsql;
using Strata.Core.Local;
using Strata.Testing;

namespace Strata.Core.Tests.Local;

/// <summary>A cluster of one test in a fresh temp directory; destroyed (and the directory deleted) on dispose.</summary>
internal sealed class ClusterScope : IAsyncDisposable
{
    public ClusterScope(string clusterName = "postgres")
    {
        Directory = TestDirectory.Create();
        Options = new LocalClusterOptions
        {
            Directory = Directory.Combine(clusterName),
            Environment = ProcessEnvironment(),
            NoSync = true,
        };
    }

    public TestDirectory Directory { get; }

    /// <summary>The options of the test's clusters, also used to destroy the cluster at the end.</summary>
    public LocalClusterOptions Options { get; set; }

    public string ClusterDirectory => Options.Directory;

    public LocalCluster NewCluster() => new(Options);

    public static async Task<T> ScalarAsync<T>(LocalServerEndpoint endpoint, string sql, bool viaSocket = false)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = viaSocket ? endpoint.SocketDirectory : endpoint.Host,
            Port = endpoint.Port,
            Username = endpoint.Username,
            Database = "postgres",
            Pooling = false,
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static Dictionary<string, string> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? string.Empty, StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await NewCluster().DestroyAsync(CancellationToken.None);
        }
        finally
        {
            Directory.Dispose();
        }
    }
}

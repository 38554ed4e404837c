using Npgsql;
using Strata.Core.Local;

namespace Strata.Testing;

/// <summary>
/// Starts the test run's own PostgreSQL with Strata's local-cluster code, in a fresh temp directory, tuned for
/// throwaway data (no fsync). It is shut down and deleted when the test process exits; if the process is killed
/// instead, the next run's <see cref="TestDirectory"/> removes it.
/// </summary>
internal static class OwnServer
{
    private static readonly Dictionary<string, string> ServerSettings = new()
    {
        // Tests run in parallel, and some start several Strata processes at once.
        ["max_connections"] = "300",
        ["synchronous_commit"] = "off",
        ["full_page_writes"] = "off",
    };

    public static async Task<string> StartAsync()
    {
        var directory = TestDirectory.Create();
        var cluster = new LocalCluster(new LocalClusterOptions
        {
            Directory = directory.Combine("postgres"),
            Environment = ProcessEnvironment(),
            NoSync = true,
            FsyncOff = true,
            ServerSettings = ServerSettings,
        });
        LocalServerEndpoint endpoint;
        try
        {
            endpoint = await cluster.EnsureStartedAsync(CancellationToken.None);
        }
        catch
        {
            directory.Dispose();
            throw;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Shutdown(directory, endpoint.SocketDirectory);
        return new NpgsqlConnectionStringBuilder
        {
            Host = endpoint.Host,
            Port = endpoint.Port,
            Username = endpoint.Username,
            Database = "postgres",
        }.ConnectionString;
    }

    private static void Shutdown(TestDirectory directory, string socketDirectory)
    {
        directory.Dispose();
        // A long temp path makes the cluster put its socket in a directory of its own under /tmp.
        if (!socketDirectory.StartsWith(directory.Path, StringComparison.Ordinal) && Directory.Exists(socketDirectory))
        {
            Directory.Delete(socketDirectory, recursive: true);
        }
    }

    private static Dictionary<string, string> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? string.Empty, StringComparer.Ordinal);
}

namespace Strata.Core.Local;

/// <summary>What the local cluster looks like right now.</summary>
/// <param name="Exists">The cluster has been created (its data directory holds a <c>PG_VERSION</c> file).</param>
/// <param name="Running">A server process for the cluster is alive.</param>
/// <param name="Directory">The cluster's directory (absolute).</param>
/// <param name="Port">The TCP port on 127.0.0.1: the running server's, else the one it will try first at its next start; null if it was never started.</param>
/// <param name="Pid">The server's process id while it runs.</param>
/// <param name="ServerVersion">The PostgreSQL major version the cluster was created with.</param>
/// <param name="SocketDirectory">The directory of the server's Unix-domain socket.</param>
/// <param name="Username">The superuser to connect as.</param>
internal sealed record LocalClusterStatus(
    bool Exists,
    bool Running,
    string Directory,
    int? Port,
    int? Pid,
    string? ServerVersion,
    string SocketDirectory,
    string Username)
{
    /// <summary>A postgres:// URL for <paramref name="database"/> on this cluster, or null while the cluster has no port.</summary>
    public string? Url(string database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return Port is { } port
            ? $"postgres://{Uri.EscapeDataString(Username)}@127.0.0.1:{port}/{Uri.EscapeDataString(database)}"
            : null;
    }
}

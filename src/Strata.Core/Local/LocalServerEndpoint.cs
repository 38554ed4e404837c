namespace Strata.Core.Local;

/// <summary>Where a running local cluster accepts connections.</summary>
/// <param name="Host">The TCP address, always a loopback address.</param>
/// <param name="Port">The TCP port.</param>
/// <param name="SocketDirectory">The directory holding the cluster's Unix-domain socket.</param>
/// <param name="Username">The superuser to connect as (trust authentication on loopback only).</param>
internal sealed record LocalServerEndpoint(string Host, int Port, string SocketDirectory, string Username);

using System.Globalization;

namespace Strata.Core.Connections;

/// <summary>One server to try: a host name, IP address or Unix-socket directory, and a port.</summary>
/// <param name="Host">A host name, an IPv4 or IPv6 address (without brackets), or an absolute Unix-socket directory.</param>
/// <param name="Port">The TCP port, or the number in the socket file name for a socket directory.</param>
internal sealed record HostEndpoint(string Host, int Port)
{
    /// <summary>The default PostgreSQL port.</summary>
    public const int DefaultPort = 5432;

    /// <summary>True when <see cref="Host"/> is a Unix-socket directory rather than a network address.</summary>
    public bool IsSocketDirectory => Host.StartsWith('/');

    /// <summary><c>host:port</c>, with an IPv6 address in brackets.</summary>
    public override string ToString() => $"{FormatHost(Host)}:{Port.ToString(CultureInfo.InvariantCulture)}";

    internal static string FormatHost(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
}

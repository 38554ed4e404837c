using System.Net;
using System.Net.Sockets;

namespace Strata.Core.Connections;

/// <summary>Reads comma-separated host lists such as <c>h1:5432,[::1]:5433,h3</c> into libpq's host and port lists.</summary>
internal static class HostList
{
    /// <summary>The host part of a URL's authority: hosts are percent-decoded, IPv6 addresses must be bracketed.</summary>
    public static (List<string> Hosts, List<int?> Ports) ParseUrlAuthority(string text, string sourceName)
    {
        var hosts = new List<string>();
        var ports = new List<int?>();
        if (text.Length == 0)
        {
            return (hosts, ports);
        }

        foreach (var item in text.Split(','))
        {
            var (host, port) = SplitItem(item, sourceName, bareIpv6Allowed: false);
            var decoded = PercentDecoding.Decode(host, "host", sourceName);
            hosts.Add(decoded.Length == 0 ? "localhost" : decoded);
            ports.Add(port is null or { Length: 0 } ? null : SettingValues.ParsePort(port, sourceName));
        }

        // One port per host keeps libpq's pairing; all-default ports are left empty so the default shows as such.
        return (hosts, ports.All(p => p is null) ? [] : ports);
    }

    /// <summary>An Npgsql <c>Host</c> value: items may carry a port, and a lone IPv6 address needs no brackets.</summary>
    public static (List<string> Hosts, List<int?> Ports) ParseKeywordHost(string text, string sourceName)
    {
        var hosts = new List<string>();
        var ports = new List<int?>();
        foreach (var item in text.Split(','))
        {
            var (host, port) = SplitItem(item.Trim(), sourceName, bareIpv6Allowed: true);
            hosts.Add(host.Length == 0 ? "localhost" : host);
            ports.Add(port is null or { Length: 0 } ? null : SettingValues.ParsePort(port, sourceName));
        }

        return (hosts, ports.All(p => p is null) ? [] : ports);
    }

    /// <summary>
    /// A plain host list (PGHOST, a URL's host parameter): no ports, empty entries mean localhost. A host with a port
    /// is refused, as the client library would connect to that port while the settings show another.
    /// </summary>
    public static List<string> ParsePlain(string text, string sourceName, string portSetting) =>
        text.Split(',')
            .Select(h => h.Trim())
            .Select(h => h.Length == 0 ? "localhost" : WithoutPort(h, sourceName, $"a host takes no port here: give it in {portSetting}"))
            .ToList();

    /// <summary>One host name, address or socket directory, with no port and no list (DB_HOST, the host of DB_SECRET).</summary>
    public static string ParseSingle(string text, string sourceName, string portSetting)
    {
        var host = text.Trim();
        if (host.Contains(',', StringComparison.Ordinal))
        {
            throw ConnectionStringErrors.Invalid(sourceName, "is one host, not a list: give several hosts in a database URL");
        }

        return WithoutPort(host, sourceName, $"is one host with no port: give the port in {portSetting}");
    }

    /// <summary>A colon is allowed only in a socket directory and in an IPv6 address written without brackets.</summary>
    private static string WithoutPort(string host, string sourceName, string problem) =>
        host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('/') && !IsBareIpv6(host)
            ? throw ConnectionStringErrors.Invalid(sourceName, problem)
            : host;

    private static bool IsBareIpv6(string host) =>
        !host.StartsWith('[') && IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;

    private static (string Host, string? Port) SplitItem(string item, string sourceName, bool bareIpv6Allowed)
    {
        if (item.StartsWith('['))
        {
            var close = item.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw ConnectionStringErrors.Invalid(sourceName, "a host starts with '[' but has no closing ']'");
            }

            var after = item[(close + 1)..];
            if (after.Length > 0 && !after.StartsWith(':'))
            {
                throw ConnectionStringErrors.Invalid(sourceName, "a bracketed IPv6 host must be followed by ':port', ',' or the path");
            }

            return (item[1..close], after.Length > 0 ? after[1..] : null);
        }

        var colon = item.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (item, null);
        }

        if (item.IndexOf(':', colon + 1) >= 0)
        {
            if (bareIpv6Allowed)
            {
                return (item, null);
            }

            throw ConnectionStringErrors.Invalid(sourceName, "an IPv6 host must be written in brackets, like [::1]:5432");
        }

        return (item[..colon], item[(colon + 1)..]);
    }
}

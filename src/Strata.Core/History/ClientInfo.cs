using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Strata.Core.History;

/// <summary>What Strata records about the machine and program that wrote a history row.</summary>
internal sealed record ClientInfo(string? Host, string StrataVersion)
{
    public static ClientInfo Current { get; } = new(HostName(), Version());

    private static string? HostName()
    {
        try
        {
            return Dns.GetHostName();
        }
        catch (SocketException)
        {
            return Environment.MachineName;
        }
    }

    private static string Version()
    {
        var assembly = typeof(ClientInfo).Assembly;
        return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
    }
}

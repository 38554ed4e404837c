using System.Net;
using System.Net.Sockets;
using Strata.Core.Diagnostics;

namespace Strata.Core.History;

/// <summary>What Strata records about the machine and program that wrote a history row.</summary>
internal sealed record ClientInfo(string? Host, string StrataVersion)
{
    public static ClientInfo Current { get; } = new(HostName(), BuildVersion.Text);

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
}

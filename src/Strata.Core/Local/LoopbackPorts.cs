using System.Net;
using System.Net.Sockets;

namespace Strata.Core.Local;

/// <summary>Finds free TCP ports on 127.0.0.1. A port found free can still be taken before the server binds it.</summary>
internal static class LoopbackPorts
{
    /// <summary>A port the operating system considers free right now.</summary>
    public static int PickFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True if nothing listens on 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace Strata.AspNetCore.Tests.Support;

/// <summary>Loopback ports for tests that need to know an address before anything listens on it.</summary>
public static class Ports
{
    /// <summary>A port the OS just handed out and nothing listens on now.</summary>
    public static int Unused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Whether something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

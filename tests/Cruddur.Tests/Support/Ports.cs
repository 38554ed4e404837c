using System.Net;
using System.Net.Sockets;

namespace Cruddur.Tests.Support;

public static class Ports
{
    /// <summary>A loopback port the OS just handed out and nothing listens on now.</summary>
    public static int Unused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

using System.Net;
using System.Net.Sockets;

namespace Strata.Testing;

/// <summary>
/// A service on 127.0.0.1 that is not PostgreSQL: it reads what each client sends first, answers with a fixed reply
/// (nothing, or a web server's), and hangs up, until it is disposed.
/// </summary>
public sealed class NotPostgresServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Task _serving;

    private NotPostgresServer(byte[] reply)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _serving = ServeAsync(_listener, reply);
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>Starts one that hangs up without a word.</summary>
    public static NotPostgresServer HangingUp() => new([]);

    /// <summary>Starts one that answers like a web server, then hangs up.</summary>
    public static NotPostgresServer AnsweringAsWebServer() => new("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray());

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving;
        _listener.Dispose();
    }

    private static async Task ServeAsync(TcpListener listener, byte[] reply)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
                var stream = client.GetStream();
                _ = await stream.ReadAsync(buffer);
                await stream.WriteAsync(reply);
            }
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException or IOException)
        {
            // The listener stopped.
        }
    }
}

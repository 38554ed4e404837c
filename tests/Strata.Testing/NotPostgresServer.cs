using System.Net;
using System.Net.Sockets;

namespace Strata.Testing;

/// <summary>
/// A service on 127.0.0.1 that is not PostgreSQL: it reads what each client sends first, answers with a fixed reply
/// (nothing, a web server's, or a password request) and hangs up; or it accepts and never says a word. Until it is
/// disposed.
/// </summary>
public sealed class NotPostgresServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Task _serving;
    private readonly List<TcpClient> _held = [];
    private int _greeted;

    private NotPostgresServer(byte[]? reply)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _serving = ServeAsync(reply);
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>
    /// How many clients of a <see cref="Silent"/> one have sent their first message (a PostgreSQL client's TLS request or
    /// startup message): each of them is past the TCP connect and waits for an answer.
    /// </summary>
    public int Greeted => Volatile.Read(ref _greeted);

    /// <summary>Starts one that hangs up without a word.</summary>
    public static NotPostgresServer HangingUp() => new([]);

    /// <summary>Starts one that answers like a web server, then hangs up.</summary>
    public static NotPostgresServer AnsweringAsWebServer() => new("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray());

    /// <summary>
    /// Starts one that answers a client's startup message (sent without TLS: <c>sslmode=disable</c>) by asking for a
    /// clear-text password, as a PostgreSQL server with password authentication does, then hangs up.
    /// </summary>
    public static NotPostgresServer AskingForPassword() => new([(byte)'R', 0, 0, 0, 8, 0, 0, 0, 3]);

    /// <summary>Starts one that accepts every connection and keeps it open without reading or answering.</summary>
    public static NotPostgresServer Silent() => new(null);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving;
        lock (_held)
        {
            foreach (var client in _held)
            {
                client.Dispose();
            }
        }

        _listener.Dispose();
    }

    private async Task CountGreetingAsync(TcpClient client)
    {
        try
        {
            if (await client.GetStream().ReadAsync(new byte[1024]) > 0)
            {
                Interlocked.Increment(ref _greeted);
            }
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException or IOException or InvalidOperationException)
        {
            // The client or the server went away.
        }
    }

    private async Task ServeAsync(byte[]? reply)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync();
                if (reply is null)
                {
                    lock (_held)
                    {
                        _held.Add(client);
                    }

                    _ = CountGreetingAsync(client);
                    continue;
                }

                using (client)
                {
                    var stream = client.GetStream();
                    _ = await stream.ReadAsync(buffer);
                    await stream.WriteAsync(reply);
                }
            }
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException or IOException)
        {
            // The listener stopped.
        }
    }
}

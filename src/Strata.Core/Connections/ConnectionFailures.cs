using System.Net.Sockets;
using Npgsql;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.Secrets;

namespace Strata.Core.Connections;

/// <summary>Turns what Npgsql and the network report into one clear, redacted line naming the server.</summary>
internal static class ConnectionFailures
{
    public static ConnectionFailedException? Translate(Exception exception, ConnectionSettings settings)
    {
        // A cancellation (Ctrl-C, SIGTERM) while connecting, even wrapped by Npgsql, is not a failure to connect.
        if (CancellableOpen.IsCancellation(exception))
        {
            return null;
        }

        // A password command's failure reaches here wrapped in Npgsql's "thrown from the password provider": its own
        // message names the command's origin, exit code and error line.
        if (ExceptionChain.Find<ConnectionFailedException>(exception) is { } failed)
        {
            return failed;
        }

        var where = string.Join(",", settings.Hosts);
        var message = exception switch
        {
            PostgresException postgres => FromServer(postgres, settings, where),
            NpgsqlException { InnerException: AggregateException { InnerExceptions.Count: > 0 } all } => FromEveryHost(all, settings, where),
            NpgsqlException { InnerException: SocketException socket } => FromSocket(socket, settings, where),
            NpgsqlException { InnerException: TimeoutException } => TimedOut(settings, where),
            NpgsqlException { InnerException: EndOfStreamException } =>
                $"The server at {where} closed the connection before the PostgreSQL handshake finished: check that the port is PostgreSQL's and not another service's, and that nothing in between (a proxy, a load balancer) turns this client away.",
            NpgsqlException npgsql when npgsql.Message.Contains("SSL", StringComparison.Ordinal) =>
                $"TLS negotiation with {where} failed: {npgsql.Message} Check sslmode (now {Mode(settings)}).",
            NpgsqlException npgsql => $"Could not connect to {where}: {npgsql.Message}",
            // Npgsql reads the password file itself only where Strata found no line for every host, and fails on a
            // line libpq would skip: the outcome libpq gives is no password.
            FormatException { Source: "Npgsql" } =>
                $"The server at {where} asks for a password, and none was given: no password is set and no line of the password file (PGPASSFILE, ~/.pgpass) matches.",
            TimeoutException => TimedOut(settings, where),
            SocketException socket => FromSocket(socket, settings, where),
            _ => null,
        };
        return message is null ? null : new ConnectionFailedException(OneLine(message), ServerErrorText.SafeInner(exception)) { NextSteps = Steps(exception) };
    }

    // With several hosts Npgsql tries each (some twice, and none for a host that connected but was not the kind asked
    // for) and reports "Unable to connect to a suitable host" around the errors, in the order tried. Only a failure to
    // reach a host names it ("Failed to connect to 127.0.0.1:5433"); any other error is said for the hosts left, which
    // is its own host when one is left, never a host that failed otherwise.
    private static string FromEveryHost(AggregateException all, ConnectionSettings settings, string where)
    {
        var named = all.InnerExceptions.Select(error => (Error: error, Host: NamedHost(error, settings))).ToList();
        var left = settings.Hosts.Except(named.Select(n => n.Host).OfType<HostEndpoint>()).ToList();
        var each = named
            .Select(n => settings with { Hosts = n.Host is { } host ? [host] : left.Count > 0 ? left : settings.Hosts })
            .Select((hostSettings, i) => Translate(named[i].Error, hostSettings)?.Message ?? OneLine(named[i].Error.Message))
            .Distinct(StringComparer.Ordinal);
        return $"Could not connect to any of {where}: {string.Join(" ", each)}";
    }

    private static HostEndpoint? NamedHost(Exception error, ConnectionSettings settings) =>
        error is NpgsqlException { InnerException: SocketException or TimeoutException }
            ? settings.Hosts.FirstOrDefault(h => error.Message.EndsWith(" " + h, StringComparison.Ordinal))
            : null;

    private static NextStep[] Steps(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.InvalidPassword } ? [new NextStep(NextStepKind.ShowSettings)] : [];

    private static string FromServer(PostgresException postgres, ConnectionSettings settings, string where) => postgres.SqlState switch
    {
        PostgresErrorCodes.InvalidPassword =>
            $"Password authentication failed for user \"{settings.Username}\" on {where}; {ServerErrorText.Hint(postgres.SqlState)}.",
        PostgresErrorCodes.InvalidAuthorizationSpecification when postgres.MessageText.Contains("no encryption", StringComparison.Ordinal) =>
            $"The server at {where} only accepts encrypted connections: {postgres.MessageText}. Use sslmode=require (or verify-full).",
        PostgresErrorCodes.InvalidAuthorizationSpecification =>
            $"The server at {where} refused the connection: {postgres.MessageText}.",
        PostgresErrorCodes.InvalidCatalogName =>
            $"Database \"{settings.Database}\" does not exist on {where}; {ServerErrorText.Hint(postgres.SqlState)}.",
        PostgresErrorCodes.CannotConnectNow =>
            $"The server at {where} is starting up or shutting down; {ServerErrorText.Hint(postgres.SqlState)}.",
        PostgresErrorCodes.TooManyConnections =>
            $"The server at {where} has no free connection slots: {postgres.MessageText}.",
        _ => $"The server at {where} rejected the connection: {postgres.SqlState}: {postgres.MessageText}",
    };

    private static string FromSocket(SocketException socket, ConnectionSettings settings, string where) => socket.SocketErrorCode switch
    {
        SocketError.ConnectionRefused =>
            $"Connection refused by {where}: is PostgreSQL running there and listening on that port?",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain =>
            $"Host {string.Join(",", settings.Hosts.Select(h => h.Host))} could not be resolved; check the host name.",
        SocketError.TimedOut => TimedOut(settings, where),
        SocketError.NetworkUnreachable or SocketError.HostUnreachable =>
            $"Host {where} is unreachable from here: check the network path (VPC, security group, firewall).",
        _ => $"Could not connect to {where}: {socket.Message}",
    };

    private static string TimedOut(ConnectionSettings settings, string where) =>
        $"Timed out connecting to {where} after {settings.ConnectTimeoutSeconds ?? 15} s: check the host, the port and the firewall or security group.";

    private static string Mode(ConnectionSettings settings) =>
        settings.SslMode is { } mode ? DisplayUrl.FormatSslMode(mode) : "prefer (default)";

    private static string OneLine(string message) => SecretRedactor.Redact(message.ReplaceLineEndings(" "));
}

using Npgsql;

namespace Strata.Core.Connections;

/// <summary>
/// The libpq-level settings of one database connection, as read from a URL, a keyword string, a secret or
/// variables. The password is kept internal: it is never part of <see cref="ToString"/>, <see cref="ToDisplayUrl"/>
/// or record equality output, and only <see cref="DatabaseConnector"/> reads it.
/// </summary>
internal sealed record ConnectionSettings
{
    /// <summary>The servers to try, in order. Empty only for the local default, whose address is known when it starts.</summary>
    public required IReadOnlyList<HostEndpoint> Hosts { get; init; }

    /// <summary>The database name.</summary>
    public required string Database { get; init; }

    /// <summary>The role to connect as; null only for the local default (its superuser is used).</summary>
    public string? Username { get; init; }

    /// <summary>The TLS mode; null means not given (the client library's default, <c>prefer</c>).</summary>
    public SslMode? SslMode { get; init; }

    /// <summary>A CA certificate file used to verify the server (libpq <c>sslrootcert</c>).</summary>
    public string? SslRootCert { get; init; }

    /// <summary>The application name shown in <c>pg_stat_activity</c>.</summary>
    public string? ApplicationName { get; init; }

    /// <summary>How long to wait for a connection, in seconds; 0 waits forever.</summary>
    public int? ConnectTimeoutSeconds { get; init; }

    /// <summary>Server options sent at start-up, such as <c>-c statement_timeout=5s</c>.</summary>
    public string? Options { get; init; }

    /// <summary>The schema search path set on every connection.</summary>
    public string? SearchPath { get; init; }

    /// <summary>Which kind of server to accept among several hosts (libpq <c>target_session_attrs</c>), such as <c>read-write</c>.</summary>
    public string? TargetSessionAttributes { get; init; }

    /// <summary>Further Npgsql keywords from a keyword connection string that have no property of their own.</summary>
    public IReadOnlyDictionary<string, string> AdditionalKeywords { get; init; } = new Dictionary<string, string>();

    /// <summary>True when these settings carry a password of their own.</summary>
    public bool HasPassword => Password is not null;

    internal string? Password { get; init; }

    /// <summary>
    /// A postgres:// URL for display: the password, if any, is shown as <c>********</c>. Keywords without a URL
    /// form (<see cref="AdditionalKeywords"/>) are left out.
    /// </summary>
    public string ToDisplayUrl() => DisplayUrl.Format(this);

    /// <summary>The display URL; never the password.</summary>
    public override string ToString() => ToDisplayUrl();
}

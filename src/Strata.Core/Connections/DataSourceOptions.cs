namespace Strata.Core.Connections;

/// <summary>How <see cref="DatabaseConnector"/> builds its pooled data source. Every member is optional.</summary>
internal sealed record DataSourceOptions
{
    /// <summary>
    /// The application name PostgreSQL shows in <c>pg_stat_activity</c> when the connection settings do not name
    /// one (an <c>application_name</c> in the URL wins). Defaults to <c>strata</c>.
    /// </summary>
    public string? ApplicationName { get; init; }

    /// <summary>Whether connections are pooled. Defaults to true.</summary>
    public bool Pooling { get; init; } = true;

    /// <summary>The minimum pool size; the client library's default when null.</summary>
    public int? MinPoolSize { get; init; }

    /// <summary>The maximum pool size; the client library's default when null.</summary>
    public int? MaxPoolSize { get; init; }

    /// <summary>How long a pooled connection may live before it is closed; unlimited when null.</summary>
    public TimeSpan? ConnectionLifetime { get; init; }

    /// <summary>The default command timeout; the client library's default (30 s) when null.</summary>
    public TimeSpan? CommandTimeout { get; init; }

    /// <summary>
    /// Whether a connection's session state is reset when it returns to the pool; the client library's default (it
    /// is) when null. An app that never changes session state can turn it off, which saves the reset statements on
    /// every reuse and keeps its prepared statements without the longer reset that preserving them needs.
    /// </summary>
    public bool? ResetOnClose { get; init; }

    /// <summary>
    /// Whether commands from many connections share a few physical connections, written and read together
    /// (Npgsql's multiplexing); off when false. A multiplexed connection keeps no session of its own, so nothing that
    /// needs one (an advisory lock, a session setting, the migration engine) may run on such a data source.
    /// </summary>
    public bool Multiplexing { get; init; }

    /// <summary>
    /// How many statements each physical connection prepares automatically once they have run a few times
    /// (Npgsql's Max Auto Prepare); none when null. The statements stay prepared on the server, so a migration that
    /// discards session state must not share such a connection.
    /// </summary>
    public int? MaxAutoPrepare { get; init; }

    /// <summary>
    /// Whether <see cref="DatabaseConnector.CreateDataSourceAsync"/> opens one connection before returning, so that a
    /// wrong host, password or database name is reported at once as a <see cref="Errors.ConnectionFailedException"/>.
    /// Defaults to true.
    /// </summary>
    public bool VerifyConnection { get; init; } = true;

    /// <summary>
    /// Whether the first connection loads the server's type catalog (enums, domains, extension types). The
    /// migration engine reads only built-in types, so its commands skip that round trip and use the slim data
    /// source; commands that read arbitrary catalog types keep it. Defaults to true.
    /// </summary>
    public bool LoadTypes { get; init; } = true;
}

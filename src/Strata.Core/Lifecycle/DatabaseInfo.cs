namespace Strata.Core.Lifecycle;

/// <summary>What <see cref="DatabaseLifecycle.InfoAsync"/> reports about the database.</summary>
/// <param name="Database">The database's name.</param>
/// <param name="Server">The server, as <c>host:port</c>.</param>
/// <param name="ServerVersion">The server's version, as <c>server_version</c> shows it (such as <c>16.4</c>).</param>
/// <param name="SizeBytes">The database's size on disk, in bytes.</param>
/// <param name="Size">The size for people, such as <c>7657 kB</c> (PostgreSQL's <c>pg_size_pretty</c>).</param>
/// <param name="Tables">How many tables (plain and partitioned) the database has outside the system schemas.</param>
/// <param name="HistoryTable">The history table that was looked at, as <c>schema.table</c>.</param>
/// <param name="HistoryTableExists">Whether the history table exists.</param>
/// <param name="MigrationVersion">The highest applied migration version, or null when none is applied.</param>
/// <param name="AppliedMigrations">How many migrations the history table records as applied.</param>
internal sealed record DatabaseInfo(
    string Database,
    string Server,
    string ServerVersion,
    long SizeBytes,
    string Size,
    int Tables,
    string HistoryTable,
    bool HistoryTableExists,
    string? MigrationVersion,
    int AppliedMigrations);

namespace Strata.Core.Lifecycle;

/// <summary>What <see cref="DatabaseLifecycle.DumpAsync"/> wrote.</summary>
/// <param name="Database">The database's name.</param>
/// <param name="File">The schema file's full path.</param>
/// <param name="Bytes">Its size in bytes.</param>
/// <param name="Changed">False when the file already held exactly this content.</param>
/// <param name="HistoryRows">How many history table rows it holds (0 when the database has no history table).</param>
/// <param name="PgDump">The pg_dump program that was used.</param>
/// <param name="PgDumpVersion">Its major version.</param>
/// <param name="ServerVersion">The server's major version.</param>
internal sealed record DumpResult(
    string Database, string File, long Bytes, bool Changed, int HistoryRows, string PgDump, int PgDumpVersion, int ServerVersion);

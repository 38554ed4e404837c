using Strata.Core.Migrations;

namespace Strata.Core.Generators;

/// <summary>
/// A step that builds an index CONCURRENTLY: outside a transaction both ways, its down dropping the index the same
/// way, and its explanation saying how to recover from a failed build, which leaves the index INVALID.
/// </summary>
internal static class ConcurrentIndexStep
{
    /// <param name="slug">The description part of the file name.</param>
    /// <param name="index">The index the step builds.</param>
    /// <param name="build">The <c>CREATE ... INDEX CONCURRENTLY</c> statement.</param>
    /// <param name="opening">The explanation's first lines: what is built, and what the build means for traffic.</param>
    /// <param name="appVersion">Which application versions may run during the build.</param>
    public static GeneratedStep Create(string slug, TableName index, string build, string opening, string appVersion) => new(
        slug,
        MigrationPhase.Pre,
        $"""
        {opening}
        If the build fails or is interrupted (a duplicate, a deadlock, a lock timeout, a cancel), PostgreSQL leaves
        the INVALID index {index} behind: maintained on every write, never used for reads, and the migration is
        left interrupted; strata repair and strata validate name the index. To finish: fix the cause (e.g. the
        duplicate rows), strata repair --retry, strata up (Strata drops the invalid index CONCURRENTLY and builds
        it again). To give up: strata repair --retry, then DROP INDEX CONCURRENTLY IF EXISTS {index};
        App version: {appVersion}
        Abort: cancel the run (or let it fail) and give up as above. Once applied, strata down drops the
        index CONCURRENTLY.
        """,
        build,
        $"DROP INDEX CONCURRENTLY IF EXISTS {index.Sql};") { UpTransactional = false, DownTransactional = false };
}

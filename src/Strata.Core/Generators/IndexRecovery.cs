namespace Strata.Core.Generators;

/// <summary>The recovery from a failed concurrent index build, written into each file that runs one.</summary>
internal static class IndexRecovery
{
    public static string Explain(TableName index) => $"""
        If the build fails or is interrupted (a duplicate, a deadlock, a lock timeout, a cancel), PostgreSQL leaves
        the INVALID index {index} behind: maintained on every write, never used for reads, and the migration is
        left interrupted; strata repair and strata validate name the index. To finish: fix the cause (e.g. the
        duplicate rows), strata repair --retry, strata up (Strata drops the invalid index CONCURRENTLY and builds
        it again). To give up: strata repair --retry, then DROP INDEX CONCURRENTLY IF EXISTS {index};
        """;
}

namespace Strata.Core.Generators;

/// <summary>The recovery from a failed concurrent index build, written into each file that runs one.</summary>
internal static class IndexRecovery
{
    public static string Explain(TableName index) => $"""
        If the build fails or is interrupted (a duplicate, a deadlock, a cancelled run), PostgreSQL leaves an INVALID
        index {index} behind: it is maintained on every write but never used. Strata reports it (status and up name
        invalid indexes); drop it with DROP INDEX CONCURRENTLY IF EXISTS {index}; then run strata up again.
        """;
}

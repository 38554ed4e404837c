using Strata.Core.Errors;

namespace Strata.Core.Execution;

/// <summary>
/// The migrations a run completed before a later one failed. They are committed, so the front end that reports the
/// failure can still say what was applied; the exception that ended the run carries them.
/// </summary>
internal static class PartialRun
{
    private const string Key = "Strata.CompletedMigrations";

    /// <summary>Records the completed migrations on the exception that ended the run.</summary>
    public static void Attach(Exception exception, MigrationRunResult completed)
    {
        if (completed.Migrations.Count > 0 && !exception.Data.Contains(Key))
        {
            exception.Data[Key] = completed;
        }
    }

    /// <summary>The migrations completed before <paramref name="exception"/> ended the run, or null when none were.</summary>
    public static MigrationRunResult? Find(Exception exception)
    {
        return ExceptionChain.Of(exception).Select(e => e.Data[Key]).OfType<MigrationRunResult>().FirstOrDefault();
    }
}

using Strata.Core.Errors;

namespace Strata.Core.Schema;

/// <summary>
/// Runs migrations on a scratch database. A migration that fails there is reported as failing on a scratch database:
/// the engine's words for a real one (what stays committed, what the history records, that repair resolves it) would
/// send the user to fix a database that was only a throwaway copy and is dropped.
/// </summary>
internal static class ScratchRun
{
    /// <summary>Runs <paramref name="migrations"/>, a step of the engine on a scratch database.</summary>
    /// <exception cref="MigrationFailedException">A migration failed on the scratch database; the error has no next steps.</exception>
    public static async Task RunAsync(Func<Task> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        try
        {
            await migrations();
        }
        catch (MigrationFailedException ex)
        {
            throw OnScratch(ex);
        }
    }

    private static MigrationFailedException OnScratch(MigrationFailedException error)
    {
        var failure = error.Failure;

        // The original error is not kept as the inner one: it carries the migrations completed on the scratch
        // database, which would be reported as kept.
        return new MigrationFailedException(
            $"migration {failure.Version} failed on a scratch database at {failure.Location}: {failure.Reason}; " +
            "the scratch database was dropped, and no other database was changed",
            failure,
            error.InnerException);
    }
}

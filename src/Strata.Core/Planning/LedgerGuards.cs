using Strata.Core.Configuration;
using Strata.Core.Errors;

namespace Strata.Core.Planning;

/// <summary>Refusals shared by the commands that change the database.</summary>
internal static class LedgerGuards
{
    /// <summary>Nothing runs while a <c>transaction:false</c> migration is half done: its state must be resolved first.</summary>
    /// <param name="ledger">The source matched with the history.</param>
    /// <param name="action">What is refused, for the message.</param>
    /// <param name="resumable">Whether a backfill interrupted part-way is let through, as up resumes it.</param>
    public static void RefuseInterrupted(MigrationLedger ledger, string action, bool resumable = false)
    {
        var interrupted = ledger.InState(MigrationState.Interrupted).Where(e => !resumable || !e.ResumesBackfill).ToList();
        if (interrupted.Count > 0)
        {
            throw new ValidationFailedException($"Refusing to {action}: {ProblemMessages.Join(interrupted.Select(ProblemMessages.Interrupted).ToList())}.")
            {
                NextSteps = ProblemMessages.Steps(interrupted),
            };
        }
    }

    public static void RefuseEdited(IEnumerable<LedgerEntry> entries, MigratorOptions options, string action)
    {
        var edited = entries.Where(e => e.State == MigrationState.Edited).ToList();
        if (edited.Count > 0 && !options.AllowEdited)
        {
            throw new ValidationFailedException($"Refusing to {action}: {ProblemMessages.Join(edited.Select(ProblemMessages.Edited).ToList())}.")
            {
                NextSteps = ProblemMessages.Steps(edited),
            };
        }
    }
}

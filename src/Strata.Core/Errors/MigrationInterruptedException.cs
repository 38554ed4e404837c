namespace Strata.Core.Errors;

/// <summary>
/// The command was cancelled while a <c>transaction:false</c> migration was part-way through: unlike a cancelled
/// transactional migration, some of its statements may have taken effect, and its history row says so. The message
/// says which migration and how to resolve it (<c>repair</c>). Still an <see cref="OperationCanceledException"/>, so
/// callers that handle cancellation keep working.
/// </summary>
internal sealed class MigrationInterruptedException : OperationCanceledException
{
    /// <summary>Creates the error with a one-line message naming the interrupted migration.</summary>
    /// <param name="message">The one-line message.</param>
    /// <param name="innerException">The cancellation that interrupted the migration.</param>
    /// <param name="cancellationToken">The token that was cancelled.</param>
    public MigrationInterruptedException(string message, Exception? innerException, CancellationToken cancellationToken)
        : base(message, innerException, cancellationToken)
    {
    }

    /// <summary>The version of the interrupted migration.</summary>
    public string? Version { get; init; }

    /// <summary>What resolves it: resuming its backfill with up, or repair.</summary>
    public IReadOnlyList<NextStep> NextSteps { get; init; } = [];
}

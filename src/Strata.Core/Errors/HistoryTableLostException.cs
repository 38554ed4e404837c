namespace Strata.Core.Errors;

/// <summary>
/// The history table disappeared while a migration ran (dropped by the migration itself or by another session), so
/// the migration's history row could not be written. The migration file is not at fault; the message says what
/// was left applied and what to check.
/// </summary>
internal sealed class HistoryTableLostException : StrataException
{
    /// <summary>Creates the error with a one-line, secret-free message.</summary>
    public HistoryTableLostException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string Code => "history-table-lost";
}

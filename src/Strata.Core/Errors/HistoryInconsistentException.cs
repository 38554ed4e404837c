namespace Strata.Core.Errors;

/// <summary>
/// The history table holds rows Strata cannot have written: two spellings of one version (<c>01</c> and <c>1</c>),
/// a version that is not all digits, or a value of the wrong type. The message names the rows and how to fix them;
/// <c>stamp --remove</c> still works on such a table.
/// </summary>
public sealed class HistoryInconsistentException : StrataException
{
    /// <summary>Creates the error with a one-line, secret-free message.</summary>
    public HistoryInconsistentException(string message)
        : base(message)
    {
    }

    /// <inheritdoc />
    public override string Code => "history-inconsistent";
}

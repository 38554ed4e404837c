namespace Strata.Core.History;

/// <summary>How a history row came to be.</summary>
public enum HistoryOrigin
{
    /// <summary>Strata ran the migration (stored as <c>run</c>).</summary>
    Run,

    /// <summary>Recorded by <c>stamp</c> without running (stored as <c>stamp</c>).</summary>
    Stamp,

    /// <summary>Recorded by <c>baseline</c> without running (stored as <c>baseline</c>).</summary>
    Baseline,

    /// <summary>Resolved by <c>repair</c> after an interrupted <c>transaction:false</c> migration (stored as <c>repair</c>).</summary>
    Repair,

    /// <summary>The file was edited after it was applied and the new checksum was accepted (stored as <c>edited-accepted</c>).</summary>
    EditedAccepted,
}
